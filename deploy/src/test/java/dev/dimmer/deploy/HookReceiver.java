package dev.dimmer.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * The receiving end of the rollback plans' webhooks: counts the calls per Idempotency-Key, as a receiver that
 * deduplicates by key would see them, and answers 200.
 */
final class HookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Integer> calls = new TreeMap<>();

    HookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Calls per Idempotency-Key (a call without one counts under "none"). */
    synchronized Map<String, Integer> calls() {
        return Map.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        synchronized (this) {
            calls.merge(key == null ? "none" : key, 1, Integer::sum);
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
