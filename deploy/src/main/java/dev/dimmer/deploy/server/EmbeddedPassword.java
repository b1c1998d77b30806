package dev.dimmer.deploy.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The embedded database's password: made once, kept beside its data, readable by its owner only. */
final class EmbeddedPassword {
    static final String FILE = "postgres.password";

    private EmbeddedPassword() {
    }

    static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    /** The stored password, or a new one (32 random bytes, 43 characters) written with mode 600. */
    static String readOrCreate(Path dir) throws IOException {
        Path file = file(dir);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path temp = Files.createTempFile(dir, FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // initdb --pwfile reads the first line
        Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }
}
