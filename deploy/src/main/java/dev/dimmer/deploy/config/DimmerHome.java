package dev.dimmer.deploy.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where Dimmer keeps local state: {@code DIMMER_HOME}, or {@code .dimmer} in {@code HOME}, as a shell user expects
 * ({@code HOME=/tmp/try ./dimmer demo}); the account's home only when neither is set.
 */
public record DimmerHome(Path dir) {
    public static DimmerHome resolve() {
        return resolve(System::getenv);
    }

    static DimmerHome resolve(java.util.function.UnaryOperator<String> environment) {
        String configured = environment.apply("DIMMER_HOME");
        String home = environment.apply("HOME");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".dimmer");
        return new DimmerHome(dir.toAbsolutePath());
    }

    public Path tokenFile() {
        return dir.resolve("token");
    }

    public Path configFile() {
        return dir.resolve("dimmer.yml");
    }

    /** Writes the dev-mode token readable by its owner only, replacing any earlier one in one step. */
    public void writeToken(String token) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "token", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, token + "\n");
        Files.move(temp, tokenFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
