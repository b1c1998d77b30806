package dev.dimmer.deploy.operations;

import static dev.dimmer.deploy.RunningControlPlane.CONSUMER;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.METRICS;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.Plans;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.dimmer.api.evidence.ValidationFailedEvent;
import dev.dimmer.api.evidence.ValidationRunCompletedEvent;
import dev.dimmer.api.rollback.RunPurpose;
import dev.dimmer.api.rollback.RunbookCompletedEvent;
import dev.dimmer.api.rollback.RunbookStepFailedEvent;
import dev.dimmer.core.metrics.EventMetrics;
import dev.dimmer.core.metrics.SchedulerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} as an operator meets it: a token decides who reads it, the exposition passes
 * {@code promtool check metrics}, and a real Prometheus scrapes it with a scrape token and answers queries about
 * commands, refusals, waves, processors, OFREP and HTTP latency.
 */
class MetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ID = "crm-metrics";
    private static TestDatabase database;
    private static RunningControlPlane node;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        node = RunningControlPlane.on(database, Map.of("dimmer.metrics.refresh", "200ms"), List.of());
        // given a migration whose first wave is at its first canary step, and one refused command
        assertThat(node.postYaml("/api/migrations", LEAD, Plans.switched(ID)).status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertThat(node.post("/api/migrations/" + ID + "/waves/customers/advance", LEAD,
                    Map.of("reason", "step " + i)).status()).isEqualTo(200);
        }
        assertThat(node.post("/api/migrations/" + ID + "/waves/orders/cutover", LEAD,
                Map.of("reason", "too early")).status()).isEqualTo(409);
        assertThat(node.post("/ofrep/v1/evaluate/flags", CONSUMER, Map.of("context",
                Map.of("targetingKey", "customer-7"))).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        node.close();
        database.close();
    }

    @Test
    void shouldLetOnlyScrapersOperatorsAndViewersReadTheMetrics() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> consumer = scrape(CONSUMER);
        assertThat(consumer.statusCode()).isEqualTo(403);
        assertThat(consumer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(scrape(VIEWER).statusCode()).isEqualTo(200);
        HttpResponse<String> scraper = scrape(METRICS);
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/metrics"))
                .header("Authorization", "Bearer " + METRICS).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        // and the scrape token opens nothing else
        assertThat(node.get("/api/migrations", METRICS).status()).isEqualTo(403);
        assertThat(node.post("/ofrep/v1/evaluate/flags", METRICS, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void shouldExposeEveryFamilyByPrometheusConventions() throws Exception {
        String text = awaitScrape("dimmer_wave_phase{");
        assertThat(text)
                .contains("dimmer_commands_total{outcome=\"done\",type=\"AdvanceWaveCommand\"} 3.0")
                .contains("dimmer_commands_total{outcome=\"refused\",type=\"StartCutoverCommand\"} 1.0")
                .containsPattern("dimmer_command_refusals_total\\{code=\"[a-z-]+\"} 1.0")
                .contains("dimmer_command_duration_seconds_bucket{type=\"AdvanceWaveCommand\",le=\"0.2\"}")
                .contains("dimmer_wave_phase{migration=\"" + ID + "\",wave=\"customers\"} 3.0")
                .contains("dimmer_wave_phase{migration=\"" + ID + "\",wave=\"orders\"} 0.0")
                .contains("dimmer_wave_canary_weight_ratio{migration=\"" + ID + "\",wave=\"customers\"} 0.1")
                .contains("dimmer_runbooks{purpose=\"rollback\",state=\"stalled\"} 0.0")
                .containsPattern("dimmer_processor_lag_events\\{group=\"[a-z-]+\"}")
                .containsPattern("dimmer_processor_stalled\\{group=\"[a-z-]+\"} 0.0")
                .contains("dimmer_ofrep_evaluations_total{kind=\"bulk\",result=\"ok\"} 1.0")
                .containsPattern("dimmer_http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/migrations\"")
                .contains("dimmer_metrics_sample_age_seconds");
        // no free text in labels: no reasons, no targeting keys, no tokens
        assertThat(text).doesNotContain("too early").doesNotContain("customer-7").doesNotContain("token-0123");
    }

    @Test
    void shouldPassPromtoolsCheckOfTheExposition() throws Exception {
        Path promtool = Tools.require("promtool", "apt-get install prometheus");
        String text = awaitScrape("dimmer_wave_phase{");
        Tools.Run check = Tools.run(text, promtool.toString(), "check", "metrics");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void shouldBeScrapedByARealPrometheusWithTheScrapeToken(@TempDir Path directory) throws Exception {
        String target = URI.create(node.url()).getAuthority();
        try (PrometheusServer prometheus = PrometheusServer.scraping(directory, target, METRICS, null)) {
            JsonNode up = prometheus.awaitSample("up{job=\"dimmer\"} == 1");
            assertThat(up.path("value").get(1).asText()).isEqualTo("1");
            JsonNode advanced = prometheus.awaitSample(
                    "sum(dimmer_commands_total{type=\"AdvanceWaveCommand\",outcome=\"done\"})");
            assertThat(advanced.path("value").get(1).asText()).isEqualTo("3");
            JsonNode canary = prometheus.awaitSample("dimmer_wave_canary_weight_ratio{wave=\"customers\"}");
            assertThat(canary.path("value").get(1).asText()).isEqualTo("0.1");
            JsonNode p99 = prometheus.awaitSample(
                    "histogram_quantile(0.99, sum by (le) (rate(dimmer_command_duration_seconds_bucket[1m])))");
            assertThat(p99.path("value").get(1).asText()).isNotEmpty();
        }
    }

    @Test
    void shouldReferOnlyToExposedFamiliesFromTheDashboardAndTheAlerts() throws Exception {
        // given an outbox message waiting, a scheduler firing and the events no plan here produces
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO outbox_message (topic, message_key, position, payload) VALUES "
                    + "('metrics-test', 'crm', 1, '{}'), ('metrics-test', 'crm', 2, '{}')");
        }
        var context = node.plane().context();
        context.getBean(SchedulerMetrics.class).fired("window", "done", Duration.ofMillis(40));
        EventMetrics events = context.getBean(EventMetrics.class);
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        events.count(new RunbookCompletedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 2, 1500, at));
        events.count(new RunbookStepFailedEvent(ID, "customers", RunPurpose.ROLLBACK, 2, 0, "sql", 20, "no", at));
        events.count(new ValidationRunCompletedEvent(ID, "customers", "r-1", 1, 1, 0, 900, at));
        events.count(new ValidationFailedEvent(ID, "customers", "r-1", "orders-rows", "rowcount", "3 rows differ",
                Map.of(), Map.of(), 30, at));
        String text = awaitScrape("dimmer_outbox_backlog_messages{topic=\"metrics-test\"} 2.0");
        assertThat(text).contains("dimmer_outbox_backlog_messages{topic=\"metrics-test\"} 2.0");
        Set<String> families = new TreeSet<>();
        Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(text);
        while (type.find()) {
            families.add(type.group(1));
        }
        // then every family a dashboard panel or an alert names is exposed
        Path deploy = Path.of("").toAbsolutePath();
        for (Path file : List.of(deploy.resolve("grafana/dimmer-dashboard.json"),
                deploy.resolve("prometheus/dimmer-alerts.yml"))) {
            Matcher name = Pattern.compile("\\bdimmer_[a-z_]+").matcher(Files.readString(file));
            int names = 0;
            while (name.find()) {
                String family = name.group().replaceAll("_(bucket|sum|count)$", "");
                assertThat(families).as(file.getFileName() + " names " + name.group()).contains(family);
                names++;
            }
            assertThat(names).as(file.getFileName().toString()).isGreaterThan(10);
        }
    }

    @Test
    void shouldPassPromtoolsChecksOfTheAlertRules(@TempDir Path directory) throws Exception {
        Path promtool = Tools.require("promtool", "apt-get install prometheus");
        Path rules = Path.of("").toAbsolutePath().resolve("prometheus/dimmer-alerts.yml");
        Tools.Run check = Tools.run(null, promtool.toString(), "check", "rules", rules.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
        // and each alert fires on the series that should raise it (promtool's rule unit tests)
        Files.copy(rules, directory.resolve("dimmer-alerts.yml"));
        try (var test = MetricsTest.class.getResourceAsStream("dimmer-alerts-test.yml")) {
            Files.copy(test, directory.resolve("dimmer-alerts-test.yml"));
        }
        Tools.Run unit = Tools.run(null, promtool.toString(), "test", "rules",
                directory.resolve("dimmer-alerts-test.yml").toString());
        assertThat(unit.exit()).as(unit.output()).isZero();
    }

    private static String awaitScrape(String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String text = scrape(METRICS).body();
        while (!text.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            text = scrape(METRICS).body();
        }
        return text;
    }

    private static HttpResponse<String> scrape(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + "/metrics"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
