package dev.dimmer.deploy.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The embedded database's {@code pg_hba.conf}: who may connect, and how they prove it. */
final class PgHba {
    static final String PASSWORD_ONLY = """
            # Written by Dimmer: every connection gives the password in postgres.password (SCRAM).
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private PgHba() {
    }

    /** Whether any rule lets a connection in without a password (earlier Dimmer versions trusted all). */
    static boolean trusts(Path dataDir) throws IOException {
        return Files.readAllLines(dataDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .anyMatch(l -> l.matches(".*\\s(trust|password)(\\s.*)?$"));
    }

    static void writePasswordOnly(Path dataDir) throws IOException {
        Path file = dataDir.resolve("pg_hba.conf");
        Path temp = dataDir.resolve("pg_hba.conf.tmp");
        Files.writeString(temp, PASSWORD_ONLY, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
