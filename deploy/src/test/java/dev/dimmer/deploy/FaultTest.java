package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.CommandLoad.Kind;
import dev.dimmer.deploy.CommandLoad.Outcome;
import dev.dimmer.testing.RestartablePostgres;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Faults under load: the server killed with SIGKILL while four clients send commands, and the database restarted
 * under a running server. Afterwards every acknowledged command is in the log exactly once, nothing refused or never
 * sent is, no command acted twice, every event has its audit row, the live views equal a rebuild, and no answer
 * claimed something untrue. Each run prints its figures.
 */
class FaultTest {
    static final int CLIENTS = 4;
    private static final String LEAD_TOKEN = "fault-lead-token-0123456789";
    // how many times a client's command acted: the handlings of it (one causation each, however many events one
    // handling applied) that left events, not counting what processes did after it (a runbook's steps report
    // through the automation channel under the same correlation); a refused command leaves only its refusal
    private static final String EVENTS_BY_CORRELATION = """
            SELECT correlation_id, count(DISTINCT causation_id) FROM audit_entry
             WHERE type <> 'CommandRefusedEvent' AND channel = 'api'
             GROUP BY correlation_id""";
    private static final String MISSING = """
            SELECT e.global_index FROM domain_event_entry e
              LEFT JOIN audit_entry a ON a.position = e.global_index AND a.event_id = e.event_identifier
             WHERE a.position IS NULL""";
    private static final List<String> VIEWS = List.of("SELECT * FROM status_migration ORDER BY id",
            "SELECT * FROM status_wave ORDER BY migration_id, name", "SELECT * FROM audit_entry ORDER BY position");

    @Test
    void shouldLoseNothingAndClaimNothingUntrueWhenTheServerIsKilledUnderLoad() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase()) {
            int port = freePort();
            Path home = Files.createTempDirectory("dimmer-fault-home");
            Path config = home.resolve("dimmer.yml");
            Files.writeString(config, """
                    database:
                      url: %s
                      user: %s
                      password: ${env:FAULT_DB_PASSWORD}
                    tokens:
                      - actor: U01LEAD
                        name: Ada Lead
                        roles: [lead, viewer, operator]
                        token_sha256: %s
                    """.formatted(database.url(), database.user(), sha256(LEAD_TOKEN)));
            String url = "http://127.0.0.1:" + port;
            Process server = startServer(home, config, port, database.password(), "first");
            List<String> ids = register(url, LEAD_TOKEN, 2 * CLIENTS, "kill-nine");

            // when four clients send commands and the server is killed with SIGKILL in the middle of them
            CommandLoad load = new CommandLoad(() -> url, LEAD_TOKEN, owners(ids));
            awaitAcknowledged(load, 60);
            server.destroyForcibly().waitFor();
            long beforeKill = load.acknowledged();
            server = startServer(home, config, port, database.password(), "second");
            awaitAcknowledged(load, beforeKill + 60);
            List<Outcome> outcomes = load.stop();
            load.close();

            // then the log, the audit trail and the views agree with what every client was told
            try {
                check("kill -9 under load", database, outcomes, url, LEAD_TOKEN);
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    @Test
    void shouldLoseNothingAndClaimNothingUntrueWhenTheDatabaseRestartsUnderLoad() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start();
             TestDatabase database = postgres.newDatabase();
             RunningControlPlane server = RunningControlPlane.on(database)) {
            List<String> ids = register(server.url(), LEAD, 2 * CLIENTS, "db-restart");

            // when four clients send commands and the database goes away under them, three times
            CommandLoad load = new CommandLoad(server::url, LEAD, owners(ids));
            awaitAcknowledged(load, 40);
            for (int restart = 0; restart < 3; restart++) {
                postgres.restart(Duration.ofSeconds(1 + restart));
                awaitAcknowledged(load, load.acknowledged() + 40);
            }
            List<Outcome> outcomes = load.stop();
            load.close();

            // then the control plane recovered by itself, and nothing was lost, doubled or misreported
            check("database restart under load", database, outcomes, server.url(), OPERATOR);
        }
    }

    static void check(String fault, TestDatabase database, List<Outcome> outcomes, String url,
                              String operatorToken)
            throws Exception {
        Tables.awaitViewsAtLastEvents(database);
        Map<String, Long> events = Tables.rows(database, EVENTS_BY_CORRELATION).stream()
                .filter(row -> row.get(0) != null)
                .collect(Collectors.toMap(row -> (String) row.get(0), row -> Long.parseLong((String) row.get(1))));
        Map<String, List<Outcome>> commands = CommandLoad.attemptsByCommand(outcomes);
        List<String> untrue = new ArrayList<>();
        for (List<Outcome> attempts : commands.values()) {
            Outcome last = attempts.get(attempts.size() - 1);
            long stored = events.getOrDefault(last.correlationId(), 0L);
            boolean acknowledged = attempts.stream().anyMatch(a -> a.kind() == Kind.ACKNOWLEDGED);
            boolean neverStored = attempts.stream().allMatch(a -> a.kind() == Kind.REFUSED
                    || a.kind() == Kind.NOT_SENT);
            String told = last.command() + " " + last.correlationId() + " answered " + attempts.stream()
                    .map(a -> a.status() + " " + a.kind()).toList();
            if (stored > 1) {
                untrue.add(told + " and acted " + stored + " times");
            } else if (acknowledged && stored != 1) {
                untrue.add(told + " but is not in the log");
            } else if (neverStored && stored != 0) {
                untrue.add(told + " but is in the log");
            }
            for (int i = 0; i < attempts.size(); i++) {
                Outcome attempt = attempts.get(i);
                // "nothing was changed" speaks for its own attempt: another attempt under the same key, acknowledged
                // or of unknown outcome (cut off after its commit, before or after this one), may have stored it
                boolean storedByAnother = attempts.stream().anyMatch(a -> a != attempt
                        && (a.kind() == Kind.ACKNOWLEDGED || (a.kind() == Kind.UNKNOWN
                        && (a.body() == null || !a.body().contains("nothing was changed")))));
                if (attempt.body() != null && attempt.body().contains("nothing was changed") && stored != 0
                        && !storedByAnother) {
                    untrue.add(told + ": said '" + attempt.body() + "' but is in the log");
                }
            }
        }
        long eventCount = Tables.count(database, "SELECT count(*) FROM domain_event_entry");
        System.out.printf("FaultTest %s: %d commands (%d attempts: %s), %d events checked, %d audit rows%n", fault,
                commands.size(), outcomes.size(), CommandLoad.byKind(outcomes), eventCount,
                Tables.count(database, "SELECT count(*) FROM audit_entry"));
        assertThat(untrue).as("answers the log contradicts").isEmpty();
        assertThat(Tables.rows(database, MISSING)).as("events without their audit row").isEmpty();

        List<List<List<Object>>> live = VIEWS.stream().map(sql -> Tables.rows(database, sql)).toList();
        HttpResponse<String> rebuilt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/api/projections/rebuild")).header("Authorization", "Bearer "
                        + operatorToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(VIEWS.stream().map(sql -> Tables.rows(database, sql)).toList()).isEqualTo(live);
    }

    static List<String> register(String url, String token, int count, String prefix) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            String id = prefix + "-" + m;
            ids.add(id);
            send(http, token, url + "/api/migrations", "application/yaml", Plans.customersThenOrders(id), 201);
            for (String reason : List.of("backfill", "shadow")) {
                send(http, token, url + "/api/migrations/" + id + "/waves/customers/advance", "application/json",
                        "{\"reason\": \"" + reason + "\"}", 200);
            }
        }
        return ids;
    }

    private static void send(HttpClient http, String token, String url, String type, String body, int expected)
            throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(expected);
    }

    static List<List<String>> owners(List<String> ids) {
        List<List<String>> owners = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            owners.add(List.of(ids.get(client), ids.get(client + CLIENTS)));
        }
        return owners;
    }

    static void awaitAcknowledged(CommandLoad load, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (load.acknowledged() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(load.acknowledged()).as("acknowledged commands").isGreaterThanOrEqualTo(count);
    }

    static Process startServer(Path home, Path config, int port, String dbPassword, String name)
            throws Exception {
        return startServer(home, config, port, dbPassword, name, Map.of());
    }

    /** As above, with more environment variables for the server (e.g. a signing key shared with other nodes). */
    static Process startServer(Path home, Path config, int port, String dbPassword, String name,
                               Map<String, String> env) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.dimmer.deploy.Dimmer", "server",
                "--port", String.valueOf(port), "--config", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("DIMMER_"));
        builder.environment().put("DIMMER_HOME", home.toString());
        builder.environment().put("FAULT_DB_PASSWORD", dbPassword);
        builder.environment().putAll(env);
        Path log = Path.of("target", "fault-server-" + name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start; its output: "
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String sha256(String token) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
