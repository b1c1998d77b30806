package dev.dimmer.deploy.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The demo's stand-in for the checkout service's Prometheus and for the deploy tool a rollback's webhook calls: it
 * answers the instant-query API
 * ({@code GET /api/v1/query}) in Prometheus's own format with the canary's error rate, so the plan's {@code metric}
 * validation runs as it would against a real Prometheus. Only the demo uses it; on loopback, on a free port.
 */
final class DemoMetrics implements AutoCloseable {
    private final HttpServer server;
    private volatile double errorRate = 0.002;

    private DemoMetrics(HttpServer server) {
        this.server = server;
    }

    static DemoMetrics start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoMetrics metrics = new DemoMetrics(server);
        server.createContext("/api/v1/query", exchange -> {
            double now = System.currentTimeMillis() / 1000.0;
            byte[] body = String.format(Locale.ROOT, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                    + "\"result\":[{\"metric\":{\"service\":\"checkout\"},\"value\":[%.3f,\"%s\"]}]}}", now,
                    Double.toString(metrics.errorRate)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // the deploy tool's webhook a rollback step calls: it takes the call and answers 200
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return metrics;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
