package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.RestartablePostgres;
import dev.dimmer.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bounded fault suite ({@code ./mvnw -pl deploy -am verify -Pfaults}; {@code -Dfaults.minutes=10} for the long
 * run): two nodes on one PostgreSQL, one a separate JVM, the other in this one, with concurrent clients sending
 * every command to the nodes in turn. In order: a quiet phase (its p99 latency is the figure), the database stopped
 * for 20 s, and once both nodes are ready again node A killed with SIGKILL while node B carries on. Afterwards every acknowledged command is in the log exactly
 * once, no retry acted twice, no answer said something untrue, every event has its audit row, the views equal a
 * rebuild and the audit ledger verifies.
 */
@Tag("faults")
class FaultSuiteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            try {
                status = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException notYet) {
                status = 0;
            }
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).as(url + " ready again after the database came back").isEqualTo(200);
    }

    @Test
    void shouldLoseNothingAndClaimNothingUntrueAcrossTwoNodesUnderDatabaseStopAndSigkill() throws Exception {
        Duration quiet = Duration.ofSeconds(Math.max(20, (long) (Double.parseDouble(
                System.getProperty("faults.minutes", "2")) * 60) - 100));
        String signingKey = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPrivate().getEncoded());
        try (RestartablePostgres postgres = RestartablePostgres.start();
             TestDatabase database = postgres.newDatabase();
             RunningControlPlane nodeB = RunningControlPlane.on(database,
                     Map.of("dimmer.audit.signing-key", signingKey), List.of())) {
            Path home = Files.createTempDirectory("dimmer-faults-home");
            Path config = home.resolve("dimmer.yml");
            Files.writeString(config, """
                    database:
                      url: %s
                      user: %s
                      password: ${env:FAULT_DB_PASSWORD}
                    tokens:
                      - actor: U01LEAD
                        name: Ada Lead
                        roles: [lead, viewer, operator, auditor]
                        token_sha256: %s
                    """.formatted(database.url(), database.user(), FaultTest.sha256(LEAD)));
            int port = FaultTest.freePort();
            String urlA = "http://127.0.0.1:" + port;
            Map<String, String> env = Map.of("DIMMER_AUDIT_SIGNING_KEY", signingKey, "DIMMER_NODE_ID", "node-a");
            Process nodeA = FaultTest.startServer(home, config, port, database.password(), "suite-a", env);
            try {
                List<String> ids = FaultTest.register(urlA, LEAD, 2 * FaultTest.CLIENTS, "suite");
                AtomicLong turn = new AtomicLong();
                CommandLoad load = new CommandLoad(() -> turn.getAndIncrement() % 2 == 0 ? urlA : nodeB.url(),
                        LEAD, FaultTest.owners(ids));

                // a quiet phase: the latency figure
                long quietStart = System.nanoTime();
                Thread.sleep(quiet.toMillis());
                List<CommandLoad.Outcome> quietOutcomes = load.snapshot();
                double quietSeconds = (System.nanoTime() - quietStart) / 1e9;

                // the database stops for 20 s under load, and comes back
                postgres.stop();
                Thread.sleep(20_000);
                postgres.resume();
                FaultTest.awaitAcknowledged(load, load.acknowledged() + 40);

                // once both nodes serve again, node A dies with SIGKILL under load and node B carries on alone
                awaitReady(urlA);
                awaitReady(nodeB.url());
                FaultTest.awaitAcknowledged(load, load.acknowledged() + 20);
                nodeA.destroyForcibly().waitFor();
                FaultTest.awaitAcknowledged(load, load.acknowledged() + 40);
                List<CommandLoad.Outcome> outcomes = load.stop();
                load.close();

                FaultTest.check("two nodes, database stop 20 s, SIGKILL", database, outcomes, nodeB.url(), OPERATOR);
                HttpResponse<String> verified = HTTP.send(HttpRequest.newBuilder(URI.create(nodeB.url()
                        + "/api/audit/verify")).header("Authorization", "Bearer " + LEAD).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
                assertThat(CommandLoad.json(verified.body()).path("intact").asBoolean()).as(verified.body()).isTrue();
                long quietAcknowledged = quietOutcomes.stream()
                        .filter(o -> o.kind() == CommandLoad.Kind.ACKNOWLEDGED).count();
                System.out.printf("FaultSuiteTest: quiet phase %.0f s, %d clients: %d commands acknowledged "
                                + "(%.1f/s), latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; whole run p99 %.0f ms "
                                + "over %d acknowledged%n", quietSeconds, FaultTest.CLIENTS, quietAcknowledged,
                        quietAcknowledged / quietSeconds, CommandLoad.quantileMillis(quietOutcomes, 0.5),
                        CommandLoad.quantileMillis(quietOutcomes, 0.99), CommandLoad.quantileMillis(quietOutcomes, 1),
                        CommandLoad.quantileMillis(outcomes, 0.99), load.acknowledged());
                assertThat(quietAcknowledged).isPositive();
            } finally {
                nodeA.destroyForcibly().waitFor();
            }
        }
    }
}
