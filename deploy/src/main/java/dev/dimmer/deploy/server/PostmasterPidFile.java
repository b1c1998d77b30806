package dev.dimmer.deploy.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's lock file in a data directory ({@code postmaster.pid}: pid, then data directory). A postmaster
 * outlives a server killed with SIGKILL; the next server, once it holds the {@link ServerLock}, knows no Dimmer
 * server uses it and ends it, so the start does not fail on a directory "in use" by nobody.
 */
final class PostmasterPidFile {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private final Path dataDir;

    PostmasterPidFile(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** What was found: nothing, a stale file (removed), or an orphaned postmaster (stopped). */
    enum Outcome { NONE, STALE_REMOVED, ORPHAN_STOPPED }

    Outcome reclaim() throws IOException {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Outcome.NONE;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> isPostgresOn(p, lines.size() > 1 ? lines.get(1).strip() : ""));
        if (postmaster.isEmpty()) {
            // the pid is dead or now another program's: PostgreSQL would refuse a live foreign pid
            Files.deleteIfExists(file);
            return Outcome.STALE_REMOVED;
        }
        stop(postmaster.get());
        return Outcome.ORPHAN_STOPPED;
    }

    private boolean isPostgresOn(ProcessHandle process, String recordedDir) {
        String command = process.info().command().orElse("");
        boolean postgres = command.endsWith("/postgres") || command.equals("postgres");
        try {
            return postgres && !recordedDir.isEmpty()
                    && Path.of(recordedDir).toRealPath().equals(dataDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown (roll back, checkpoint, exit); SIGQUIT if it will not go. */
    private static void stop(ProcessHandle postmaster) throws IOException {
        signal(postmaster, "INT");
        if (!exited(postmaster, PATIENCE)) {
            signal(postmaster, "QUIT");
            if (!exited(postmaster, PATIENCE)) {
                throw new IOException("an orphaned PostgreSQL (pid " + postmaster.pid()
                        + ") did not stop; end it with kill " + postmaster.pid());
            }
        }
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL (pid " + process.pid() + ")", e);
        }
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
