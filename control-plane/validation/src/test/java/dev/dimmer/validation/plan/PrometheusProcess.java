package dev.dimmer.validation.plan;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) on a random loopback port, with its own configuration and
 * storage in a temporary directory, scraping every second a tiny exporter this class serves itself. Tests that need
 * one are skipped, with the reason printed, when the binary is not on the PATH. {@link #close()} always stops both.
 */
final class PrometheusProcess implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private final HttpServer exporter;
    private final Process process;
    private final String url;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Path binary, Path directory, String exposition) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        exporter = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        exporter.createContext("/metrics", exchange -> {
            byte[] body = exposition.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        exporter.start();
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
                + "  - job_name: exporter\n    static_configs:\n      - targets: ['127.0.0.1:"
                + exporter.getAddress().getPort() + "']\n");
        int port = freePort();
        url = "http://127.0.0.1:" + port;
        log = directory.resolve("prometheus.log");
        process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts Prometheus scraping {@code exposition} and waits until {@code readyQuery} has data. */
    static PrometheusProcess startOrSkip(Path directory, String exposition, String readyQuery) throws Exception {
        Path binary = onPath("prometheus");
        if (binary == null) {
            String reason = "Prometheus tests skipped: no prometheus binary on the PATH (apt-get install prometheus)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        PrometheusProcess prometheus = new PrometheusProcess(binary, directory, exposition);
        try {
            prometheus.awaitSeries(readyQuery);
            return prometheus;
        } catch (Exception | AssertionError e) {
            prometheus.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    private void awaitSeries(String query) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        URI uri = URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"value\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no data for " + query + " within " + WAIT.toSeconds() + " s; prometheus log: "
                + Files.readString(log));
    }

    private static Path onPath(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            exporter.stop(0);
        }
    }
}
