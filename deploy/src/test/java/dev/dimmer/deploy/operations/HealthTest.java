package dev.dimmer.deploy.operations;

import static dev.dimmer.deploy.RunningControlPlane.CONSUMER;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.Plans;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.RestartablePostgres;
import dev.dimmer.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Health that tells the truth, and an API that fails fast: the database is stopped under a running server, the
 * probes answer within a second and say so, commands and reads answer 503 at once, OFREP keeps serving from memory,
 * and everything recovers by itself when the database is back.
 */
class HealthTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void shouldTellTheTruthAndFailFastWhileTheDatabaseIsAwayAndRecoverByItself() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start();
             TestDatabase database = postgres.newDatabase();
             RunningControlPlane node = RunningControlPlane.on(database)) {
            String id = "crm-health";
            assertThat(node.postYaml("/api/migrations", LEAD, Plans.switched(id)).status()).isEqualTo(201);
            assertThat(node.get("/health/liveness", null).status()).isEqualTo(200);
            Answer ready = node.get("/health/readiness", null);
            assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
            assertThat(ready.body().path("checks").path("database").path("status").asText()).isEqualTo("up");

            // when the database stops
            postgres.stop();
            long stopped = System.nanoTime();
            Timed<Answer> first = timed(() -> node.get("/api/migrations/" + id, VIEWER));
            assertThat(first.value().status()).as(first.value().body().toString()).isEqualTo(503);
            assertThat(first.took()).as("first read after the stop").isLessThan(Duration.ofMillis(3500));

            // then readiness says so within seconds, and every probe answers within a second
            Answer readiness = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Duration slowestProbe = Duration.ZERO;
            while (System.nanoTime() < deadline) {
                Timed<Answer> probe = timed(() -> node.get("/health/readiness", null));
                slowestProbe = probe.took().compareTo(slowestProbe) > 0 ? probe.took() : slowestProbe;
                readiness = probe.value();
                if (readiness.status() == 503) {
                    break;
                }
                Thread.sleep(100);
            }
            Duration noticed = Duration.ofNanos(System.nanoTime() - stopped);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("checks").path("database").path("status").asText()).isEqualTo("down");
            assertThat(slowestProbe).as("slowest readiness answer").isLessThan(SECOND);
            Timed<Answer> liveness = timed(() -> node.get("/health/liveness", null));
            assertThat(liveness.value().status()).isEqualTo(200);
            assertThat(liveness.took()).isLessThan(SECOND);

            // and commands and reads fail fast with a problem that says what to do
            Timed<Answer> read = timed(() -> node.get("/api/migrations/" + id, VIEWER));
            Timed<Answer> command = timed(() -> node.post("/api/migrations/" + id + "/waves/customers/advance",
                    LEAD, Map.of("reason", "while the database is away")));
            for (Timed<Answer> answer : java.util.List.of(read, command)) {
                assertThat(answer.value().status()).isEqualTo(503);
                assertThat(answer.value().contentType()).startsWith("application/problem+json");
                assertThat(answer.value().body().path("code").asText()).isEqualTo("database-unavailable");
                assertThat(answer.value().header("Retry-After")).isEqualTo("1");
                assertThat(answer.took()).isLessThan(Duration.ofMillis(500));
            }
            // and the container's health check (deploy/docker-healthcheck.sh) reports the node unhealthy
            assertThat(healthCheck(node)).isEqualTo(1);
            // while the switches keep being served from memory
            assertThat(node.post("/ofrep/v1/evaluate/flags", CONSUMER, Map.of("context",
                    Map.of("targetingKey", "customer-7"))).status()).isEqualTo(200);

            // when the database is back, the node is ready again and serves commands without a restart
            postgres.resume();
            long resumed = System.nanoTime();
            node.await("/api/migrations/" + id, VIEWER, body -> true);
            Answer back = node.get("/health/readiness", null);
            Duration recovered = Duration.ofNanos(System.nanoTime() - resumed);
            assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
            assertThat(node.post("/api/migrations/" + id + "/waves/customers/advance", LEAD,
                    Map.of("reason", "the database is back")).status()).isEqualTo(200);
            assertThat(healthCheck(node)).isZero();
            System.out.printf("HealthTest: first read after the stop answered 503 in %d ms; readiness down after "
                            + "%d ms, slowest probe %d ms; read %d ms and command %d ms while away; serving again "
                            + "%d ms after the database came back%n", first.took().toMillis(), noticed.toMillis(),
                    slowestProbe.toMillis(), read.took().toMillis(), command.took().toMillis(),
                    recovered.toMillis());
        }
    }

    /** Runs the image's health check script against the node, as Docker would; answers its exit code. */
    private static int healthCheck(RunningControlPlane node) throws Exception {
        ProcessBuilder script = new ProcessBuilder("bash", Path.of("docker-healthcheck.sh").toAbsolutePath()
                .toString()).redirectErrorStream(true);
        script.environment().put("DIMMER_PORT", String.valueOf(URI.create(node.url()).getPort()));
        Process process = script.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Timed<T>(T value, Duration took) {
    }
}
