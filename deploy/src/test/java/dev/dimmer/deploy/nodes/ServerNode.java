package dev.dimmer.deploy.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Dimmer server in a JVM of its own ({@code Dimmer server --config ...}), as an operator runs it: on a port
 * of its own that stays the same across restarts, with its own {@code DIMMER_HOME}, the environment it is given
 * (and none of the test's {@code DIMMER_*} variables), its output in {@code target/<name>-<start>.log}. Ready means
 * {@code /health/readiness} answers 200. It can be killed with SIGKILL, stopped with SIGTERM and started again.
 */
public final class ServerNode implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String name;
    private final Path home;
    private final Path config;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private Process process;
    private Path log;
    private int starts;

    /**
     * @param env        the server's environment beyond {@code DIMMER_HOME} (database password, secrets,
     *                   {@code DIMMER_NODE_ID}, ...)
     * @param jvmOptions system properties and the like, before the main class
     */
    public ServerNode(String name, Path config, Map<String, String> env, List<String> jvmOptions) {
        this.name = name;
        this.config = config;
        this.env = Map.copyOf(env);
        this.jvmOptions = List.copyOf(jvmOptions);
        try {
            this.home = Files.createTempDirectory("dimmer-" + name + "-home");
            this.port = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until it is ready; answers this node. */
    public ServerNode start() {
        launch();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    /** Starts the server's JVM without waiting for it (start several at once, then {@link #awaitReady}). */
    public void launch() {
        if (alive()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.dimmer.deploy.Dimmer", "server",
                "--port", String.valueOf(port), "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("DIMMER_"));
        builder.environment().put("DIMMER_HOME", home.toString());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().putAll(env);
        log = Path.of("target", name + "-" + ++starts + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the server answers ready; fails (and kills it) when it dies or takes longer than {@code limit}. */
    public void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (ready()) {
                return;
            }
            pause(100);
        }
        boolean died = !process.isAlive();
        kill();
        throw new AssertionError(name + (died ? " exited while starting" : " was not ready within " + limit)
                + "; its output is in " + log.toAbsolutePath());
    }

    /** Whether {@code /health/readiness} answers 200 now. */
    public boolean ready() {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: the JVM ends at once, with whatever it held (claims, triggers, connections) left as it was. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /**
     * SIGTERM: the server shuts down in order (its processor claims released) and exits. One still running after
     * 30 s has its threads dumped next to its log ({@code ...-stuck.txt}) and is killed.
     */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    Path dump = Path.of(log.toString().replace(".log", "-stuck.txt"));
                    new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                            String.valueOf(process.pid())).redirectErrorStream(true).redirectOutput(dump.toFile())
                            .start().waitFor(20, TimeUnit.SECONDS);
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public ServerNode restart() {
        stop();
        return start();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    /** The node id it runs under ({@code DIMMER_NODE_ID}), or its name when it is given none. */
    public String nodeId() {
        return env.getOrDefault("DIMMER_NODE_ID", name);
    }

    /** The base URL, the same across restarts. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The log of the latest start. */
    public Path log() {
        return log;
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
