package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./dimmer} script, run in a copy of the checkout whose Maven Wrapper and java only say that
 * they ran: it builds when the executable is missing (and says so), rebuilds when sources changed, and never for a
 * plan or other file a user keeps in the checkout.
 */
class DimmerScriptTest {
    @TempDir
    Path checkout;
    private Path jar;

    @BeforeEach
    void copyTheScript() throws IOException {
        Path script = checkout.resolve("dimmer");
        Files.copy(Path.of("..", "dimmer"), script);
        executable(script, "");
        executable(checkout.resolve("mvnw"),
                "echo BUILT >&2\nmkdir -p deploy/target && touch deploy/target/dimmer.jar\n");
        executable(checkout.resolve("bin/java"), "echo RAN \"$@\"\n");
        Files.createDirectories(checkout.resolve("control-plane/core/src/main/java"));
        Files.writeString(checkout.resolve("control-plane/core/src/main/java/A.java"), "class A {}");
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        jar = checkout.resolve("deploy/target/dimmer.jar");
    }

    private static void executable(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        if (!body.isEmpty()) {
            Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String run() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", checkout.resolve("dimmer").toString(), "status")
                .directory(checkout.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", checkout.resolve("bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private void builtAt(Instant when) throws IOException {
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[0]);
        Files.setLastModifiedTime(jar, FileTime.from(when));
    }

    private void touched(String file, Instant when) throws IOException {
        Path path = checkout.resolve(file);
        Files.createDirectories(path.getParent());
        if (!Files.exists(path)) {
            Files.writeString(path, "x");
        }
        Files.setLastModifiedTime(path, FileTime.from(when));
    }

    @Test
    void shouldSayWhatTheFirstBuildDoes() throws Exception {
        // when no executable was built yet
        String output = run();
        // then
        assertThat(output).contains("first run: building the executable with the Maven Wrapper").contains("BUILT")
                .contains("RAN -jar " + jar + " status");
    }

    @Test
    void shouldNotRebuildForAPlanOrDocsInTheCheckout() throws Exception {
        // given an executable newer than the sources, then a user's plan, notes and settings
        Instant now = Instant.now();
        touched("control-plane/core/src/main/java/A.java", now.minusSeconds(60));
        touched("pom.xml", now.minusSeconds(60));
        builtAt(now.minusSeconds(30));
        touched("my-plan.yaml", now);
        touched("notes/data.json", now);
        touched("README.md", now);
        // when
        String output = run();
        // then
        assertThat(output).doesNotContain("BUILT").contains("RAN -jar");
    }

    @Test
    void shouldRebuildWhenASourceOrAPomChanged() throws Exception {
        // given
        Instant now = Instant.now();
        touched("pom.xml", now.minusSeconds(60));
        builtAt(now.minusSeconds(30));
        touched("control-plane/core/src/main/java/A.java", now);
        // when
        String output = run();
        // then
        assertThat(output).contains("sources changed since the last build (control-plane/core/src/main/java/A.java)")
                .contains("BUILT");
    }
}
