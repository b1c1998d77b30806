package dev.dimmer.deploy.server;

import dev.dimmer.deploy.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one Dimmer server on a directory, held for the server's lifetime: an OS file lock, so it ends with
 * the process however the process ends (kill -9 included), and the holder's pid in the file for the message.
 */
final class ServerLock implements AutoCloseable {
    static final String FILE = "server.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private ServerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims {@code dir}; {@code label} names it in the refusal ("DIMMER_HOME /x"). */
    static ServerLock acquire(Path dir, String label) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another server in this JVM
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new ConfigException(label + " is in use by another Dimmer server"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + "; stop it or set DIMMER_HOME to another directory");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new ServerLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock ends with the process in any case
        }
    }
}
