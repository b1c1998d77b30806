package dev.dimmer.deploy.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Requests to one node with a bearer token; answers the status and the JSON body. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Api() {
    }

    /** A status and a JSON body (null node when the body is empty or not JSON). */
    public record Answer(int status, JsonNode body, String text) {
    }

    public static Answer get(ServerNode node, String token, String path) {
        return send(request(node, token, path).GET());
    }

    public static Answer postJson(ServerNode node, String token, String path, Map<String, ?> body,
                                  Map<String, String> headers) {
        try {
            HttpRequest.Builder request = request(node, token, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer postYaml(ServerNode node, String token, String path, String yaml) {
        return send(request(node, token, path).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    /** A POST that must answer {@code expected}; fails with the answer otherwise. */
    public static JsonNode expect(int expected, Answer answer, String what) {
        if (answer.status() != expected) {
            throw new AssertionError(what + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }

    /** Advances (or rolls back, ...) a wave through the node as the lead; fails unless it answers 200. */
    public static void wave(ServerNode node, String migration, String wave, String action, String reason) {
        expect(200, postJson(node, Cluster.LEAD, "/api/migrations/" + migration + "/waves/" + wave + "/" + action,
                Map.of("reason", reason), Map.of()), action + " " + migration + "/" + wave + " on " + node.name());
    }

    private static HttpRequest.Builder request(ServerNode node, String token, String path) {
        return HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.nullNode();
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
