package dev.dimmer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.core.auth.TokenGrant;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.Database;
import dev.dimmer.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A control plane for a test, on a real PostgreSQL database, with tokens for a lead, a viewer, an operator, two
 * approvers, a consumer (an application that only evaluates routing switches) and a scraper (metrics only).
 */
public final class RunningControlPlane implements AutoCloseable {
    public static final String LEAD = "lead-token-0123456789";
    public static final String VIEWER = "viewer-token-0123456789";
    public static final String OPERATOR = "operator-token-0123456789";
    public static final String APPROVER = "approver-token-0123456789";
    public static final String APPROVER_TWO = "approver-two-token-0123456789";
    public static final String CONSUMER = "consumer-token-0123456789";
    public static final String METRICS = "metrics-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDatabase database;
    private final HttpClient http = HttpClient.newHttpClient();
    private ControlPlane plane;
    private Map<String, Object> properties = Map.of();
    private final String nodeId = "test-node-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private List<Actor> slackUsers = List.of();
    private List<Object> beans = List.of();
    private String url;

    private RunningControlPlane(TestDatabase database) {
        this.database = database;
    }

    public static RunningControlPlane on(TestDatabase database) {
        RunningControlPlane running = new RunningControlPlane(database);
        running.start();
        return running;
    }

    /** A control plane that reaches its database at another URL, e.g. through a proxy a test can silence. */
    public static RunningControlPlane on(TestDatabase database, String url) {
        RunningControlPlane running = new RunningControlPlane(database);
        running.url = url;
        running.start();
        return running;
    }

    /** A control plane with extra application properties (e.g. Slack's) and Slack users from configuration. */
    public static RunningControlPlane on(TestDatabase database, Map<String, Object> properties,
                                         List<Actor> slackUsers) {
        RunningControlPlane running = new RunningControlPlane(database);
        running.properties = Map.copyOf(properties);
        running.slackUsers = List.copyOf(slackUsers);
        running.start();
        return running;
    }

    /** A control plane with beans of the test's own, e.g. a clock it moves by hand. */
    public static RunningControlPlane withBeans(TestDatabase database, Map<String, Object> properties,
                                                List<Object> beans) {
        RunningControlPlane running = new RunningControlPlane(database);
        running.properties = Map.copyOf(properties);
        running.beans = List.copyOf(beans);
        running.start();
        return running;
    }

    public void start() {
        String databaseUrl = url == null ? database.url() : url;
        Path home;
        try {
            home = Files.createTempDirectory("dimmer-test-home");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<TokenGrant> grants = List.of(
                TokenGrant.of(LEAD, new Actor("U01LEAD", "Ada Lead", Set.of(Role.LEAD, Role.VIEWER))),
                TokenGrant.of(VIEWER, new Actor("U02VIEW", "Vic Viewer", Set.of(Role.VIEWER))),
                TokenGrant.of(OPERATOR, new Actor("U03OPS", "Olu Operator", Set.of(Role.OPERATOR))),
                TokenGrant.of(APPROVER, new Actor("U04BEA", "Bea Approver", Set.of(Role.APPROVER))),
                TokenGrant.of(APPROVER_TWO, new Actor("U05CAI", "Cai Approver", Set.of(Role.APPROVER))),
                TokenGrant.of(CONSUMER, new Actor("orders-app", "Orders app", Set.of(Role.CONSUMER))),
                TokenGrant.of(METRICS, new Actor("prometheus", "Prometheus", Set.of(Role.METRICS))));
        ServerSettings settings = new ServerSettings(new DimmerHome(home),
                new dev.dimmer.deploy.config.DatabaseEntry(databaseUrl, database.user(), database.password()),
                grants, "127.0.0.1", 0, slackUsers);
        // each plane a node of its own, as separate servers are: in one JVM they would otherwise share pid@host as
        // their processor claims' owner and Quartz instance id, and take over each other's claims and triggers
        Map<String, Object> withNode = new java.util.HashMap<>(properties);
        withNode.putIfAbsent("dimmer.node-id", nodeId);
        plane = ControlPlane.start(settings, Database.external(databaseUrl, database.user(), database.password()),
                withNode, beans);
    }

    public void stop() {
        plane.close();
    }

    public ControlPlane plane() {
        return plane;
    }

    public String url() {
        return plane.url();
    }

    public Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Answer post(String path, String token, Object body) {
        try {
            return send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST with extra request headers (Idempotency-Key, If-Match, ...). */
    public Answer post(String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(builder::header);
            return send(builder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a wave's go/no-go as the lead and approves it with both approvers: what a cutover needs. */
    public void passGoNoGo(String migration, String wave) {
        String waves = "/api/migrations/" + migration + "/waves/" + wave;
        for (Answer answer : List.of(post(waves + "/gonogo", LEAD, Map.of("reason", "go/no-go review")),
                post(waves + "/votes", APPROVER, Map.of("vote", "approve")),
                post(waves + "/votes", APPROVER_TWO, Map.of("vote", "approve")))) {
            if (answer.status() != 200) {
                throw new IllegalStateException("go/no-go on " + waves + " failed: " + answer.body());
            }
        }
    }

    public Answer postYaml(String path, String token, String yaml) {
        return send(request(path, token).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    public Answer postYaml(String path, String token, byte[] yaml) {
        return send(request(path, token).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(yaml)));
    }

    /** Polls a read until it satisfies the expectation: projections follow the log within milliseconds. */
    public JsonNode await(String path, String token, Predicate<JsonNode> expectation) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = get(path, token);
            if (last.status() == 200 && expectation.test(last.body())) {
                return last.body();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("GET " + path + " never met the expectation; last answer: " + last);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (plane != null) {
            plane.close();
        }
    }

    /** An HTTP answer: status, content type, JSON body, and the response headers. */
    public record Answer(int status, String contentType, JsonNode body, Map<String, List<String>> headers) {
        /** The first value of a response header (case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
