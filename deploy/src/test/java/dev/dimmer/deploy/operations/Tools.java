package dev.dimmer.deploy.operations;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Finds an operator's tool on the PATH (prometheus, promtool), or skips the test with one line saying which. */
final class Tools {
    private Tools() {
    }

    static Path require(String name, String install) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String reason = "skipped: no " + name + " on the PATH (" + install + ")";
        System.out.println(reason);
        Assumptions.abort(reason);
        throw new IllegalStateException(reason);
    }

    /** Runs a tool with the given standard input; answers its exit code and what it printed. */
    static Run run(String input, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), output);
    }

    static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }

    record Run(int exit, String output) {
    }
}
