package dev.dimmer.deploy.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Slack's cloud, faked on loopback: the Web API methods Dimmer calls, a response_url endpoint, and failures on
 * demand (429 with Retry-After, 503). Every call is recorded with its form or JSON parameters.
 */
final class FakeSlack implements AutoCloseable {
    static final String TEAM = "T0TEAM";
    static final String CHANNEL_ID = "C0CRM";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final AtomicInteger messages = new AtomicInteger();
    // Slack's directory: users.info answers these and user_not_found for anyone else
    private final Map<String, String> profiles = new ConcurrentHashMap<>(Map.of(
            "U0EVE", "Eve Stranger", "U0MAL", "Mal Flooder", "U0BEA", "Bea in Slack"));
    private volatile String socketUrl = "ws://127.0.0.1:1/";

    record Call(String method, Map<String, String> params) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    private record Failure(int status, int remaining, int retryAfterSeconds, String error) {
    }

    FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::method);
        server.createContext("/response/", this::responseUrl);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + name;
    }

    void socketModeUrl(String url) {
        this.socketUrl = url;
    }

    /** The next {@code count} calls of a method fail with the status (429 carries Retry-After). */
    void failNext(String method, int count, int status, int retryAfterSeconds) {
        failures.put(method, new Failure(status, count, retryAfterSeconds, "ratelimited"));
    }

    /** The next {@code count} calls of a method answer HTTP 200 with {@code ok: false} and Slack's error code. */
    void refuseNext(String method, int count, String error) {
        failures.put(method, new Failure(200, count, 0, error));
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until the recorded calls meet the expectation, then hands them back. */
    List<Call> await(String method, Predicate<List<Call>> expectation, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> now = calls(method);
            if (expectation.test(now)) {
                return now;
            }
            sleep(25);
        }
        throw new AssertionError("Slack calls to " + method + " never met the expectation; got " + calls(method));
    }

    private void method(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = params(exchange);
        Failure failure = failures.get(method);
        if (failure != null && failure.remaining() > 0) {
            failures.put(method, new Failure(failure.status(), failure.remaining() - 1, failure.retryAfterSeconds(),
                    failure.error()));
            calls.add(new Call(method + "!" + (failure.status() == 200 ? failure.error() : failure.status()), params));
            if (failure.status() == 429) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(failure.retryAfterSeconds()));
            }
            reply(exchange, failure.status(), "{\"ok\":false,\"error\":\"" + failure.error() + "\"}");
            return;
        }
        String ts = "1700000000." + String.format("%06d", messages.incrementAndGet());
        params.put("_ts", ts);
        calls.add(new Call(method, params));
        String channel = params.getOrDefault("channel", CHANNEL_ID).startsWith("#") ? CHANNEL_ID
                : params.getOrDefault("channel", CHANNEL_ID);
        String body = switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://dimmer.slack.com/\",\"team\":\"Dimmer\","
                    + "\"user\":\"dimmer\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}";
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.999999\"}";
            case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V0VIEW\",\"type\":\"modal\"}}";
            case "users.info" -> profiles.containsKey(params.get("user"))
                    ? "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"name\":\"handle\","
                    + "\"real_name\":\"" + profiles.get(params.get("user")) + "\",\"profile\":{\"display_name\":\""
                    + profiles.get(params.get("user")) + "\",\"real_name\":\"" + profiles.get(params.get("user")) + "\"}}}"
                    : "{\"ok\":false,\"error\":\"user_not_found\"}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        reply(exchange, 200, body);
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        calls.add(new Call("response_url", params(exchange)));
        reply(exchange, 200, "ok");
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> params = new LinkedHashMap<>();
        if (type.contains("json")) {
            JsonNode json = JSON.readTree(body.isBlank() ? "{}" : body);
            json.fields().forEachRemaining(e -> params.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Call> all() {
        return new ArrayList<>(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
