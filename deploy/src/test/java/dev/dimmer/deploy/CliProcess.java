package dev.dimmer.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs `dimmer` as a user would: a separate process with its own environment, exit code, stdout and stderr. */
final class CliProcess {
    private CliProcess() {
    }

    /** Starts a long-running command (a server); stderr goes to {@code errors}, stdout is the caller's to read. */
    static Process start(Map<String, String> env, Path errors, String... args) throws IOException {
        ProcessBuilder builder = builder(env, args);
        builder.redirectError(errors.toFile());
        return builder.start();
    }

    private static ProcessBuilder builder(Map<String, String> env, String... args) {
        return builder(List.of(), env, args);
    }

    private static ProcessBuilder builder(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.dimmer.deploy.Dimmer"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("DIMMER_"));
        builder.environment().putAll(env);
        return builder;
    }

    static Result run(Map<String, String> env, String... args) {
        return run(List.of(), env, args);
    }

    /** Runs a command with options for the JVM itself (logging, memory) before the main class. */
    static Result run(List<String> jvmOptions, Map<String, String> env, String... args) {
        ProcessBuilder builder = builder(jvmOptions, env, args);
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dimmer " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String out, String err) {
    }
}
