package dev.dimmer.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One control-plane node of the fault suite: a JVM of its own (so that it can be killed with SIGKILL, and so that
 * its Quartz scheduler joins the cluster), on a fixed port across restarts, with its own home and configuration.
 */
final class FaultNode implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String name;
    private final int port;
    private final Path home;
    private final Map<String, String> env;
    private final List<String> properties = new ArrayList<>();
    private Process process;
    private int starts;

    FaultNode(String name, String databaseUrl, String user, String token, Map<String, String> env)
            throws IOException {
        this.name = name;
        this.port = FaultTest.freePort();
        this.home = Files.createTempDirectory("dimmer-faults-" + name);
        this.env = Map.copyOf(env);
        try {
            Files.writeString(home.resolve("dimmer.yml"), """
                    database:
                      url: %s
                      user: %s
                      password: ${env:FAULT_DB_PASSWORD}
                    tokens:
                      - actor: U01LEAD
                        name: Ada Lead
                        roles: [lead, viewer, operator, auditor]
                        token_sha256: %s
                    """.formatted(databaseUrl, user, FaultTest.sha256(token)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady}). */
    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m"));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.dimmer.deploy.Dimmer",
                "server", "--port", String.valueOf(port), "--config", home.resolve("dimmer.yml").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("DIMMER_"));
        builder.environment().put("DIMMER_HOME", home.toString());
        builder.environment().put("DIMMER_NODE_ID", name);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().putAll(env);
        Path log = log(++starts);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        process = builder.start();
    }

    Path log(int start) {
        return Path.of("target", "fault-suite-" + name + "-" + start + ".log");
    }

    /** Waits until the node answers ready (database reachable, processors running, scheduler up). */
    void awaitReady(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                status = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                status = 0;
            }
            if (status == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node " + name + " not ready within " + patience + " (alive: " + process.isAlive()
                + ", last status " + status + "); its output ends: " + tail());
    }

    private String tail() throws IOException {
        String text = Files.readString(log(starts), StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 3000));
    }

    /** Stops the node and starts it again with a system property more (e.g. a setting off), until ready. */
    void restartWith(String property, String value) throws Exception {
        close();
        properties.add("-D" + property + "=" + value);
        start();
        awaitReady(Duration.ofSeconds(90));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, in-flight work is cut off. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
