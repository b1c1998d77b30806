package dev.dimmer.deploy.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
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

/**
 * A real Prometheus (Debian's package) on a random loopback port that scrapes Dimmer's {@code /metrics} every second
 * with a bearer token from a credentials file, as an operator would configure it, and evaluates the given rule file.
 */
final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final String url;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Path binary, Path directory, String target, String token, Path rules)
            throws IOException {
        Path credentials = directory.resolve("dimmer-token");
        Files.writeString(credentials, token);
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [%s]
                scrape_configs:
                  - job_name: dimmer
                    metrics_path: /metrics
                    authorization:
                      type: Bearer
                      credentials_file: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(rules == null ? "" : "'" + rules + "'", credentials, target));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        log = directory.resolve("prometheus.log");
        process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static PrometheusServer scraping(Path directory, String target, String token, Path rules) throws IOException {
        Path binary = Tools.require("prometheus", "apt-get install prometheus");
        return new PrometheusServer(binary, directory, target, token, rules);
    }

    /** The first sample of an instant query, waiting up to 30 s for it to have data. */
    JsonNode awaitSample(String query) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        URI uri = URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                last = answer.body();
                JsonNode result = JSON.readTree(answer.body()).path("data").path("result");
                if (answer.statusCode() == 200 && result.size() > 0) {
                    return result.get(0);
                }
            } catch (IOException stillStarting) {
                last = stillStarting.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no data for " + query + " within 30 s; last answer " + last + "; log: "
                + Files.readString(log));
    }

    /** What Prometheus says about its scrape target (health, last error). */
    String targets() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/targets")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
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
        }
    }
}
