package dev.dimmer.validation.plan;

import static dev.dimmer.validation.plan.PlannedValidations.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.plan.ValidationPlan;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metric kind against a real Prometheus scraping a tiny exporter of two error ratios and a latency. */
class MetricCheckTest {
    private static final String EXPOSITION = """
            # TYPE dimmer_test_error_ratio gauge
            dimmer_test_error_ratio{service="checkout"} 0.004
            dimmer_test_error_ratio{service="search"} 0.02
            # TYPE dimmer_test_latency_seconds gauge
            dimmer_test_latency_seconds 0.25
            """;
    private static Path directory;
    private static PrometheusProcess prometheus;
    private final RunningPlannedChecks checks = new RunningPlannedChecks(name -> null, Clock.systemUTC(),
            Duration.ofSeconds(10), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());

    @BeforeAll
    static void startPrometheus() throws Exception {
        directory = Files.createTempDirectory("dimmer-prometheus");
        prometheus = PrometheusProcess.startOrSkip(directory, EXPOSITION, "dimmer_test_latency_seconds");
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void canPassAMetricBelowItsMax() {
        // when
        CheckResult result = run(metric("checkout-errors", "dimmer_test_error_ratio{service=\"checkout\"}", 0.01,
                null), prometheus.url());
        // then
        assertThat(result.status()).as(result.summary()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("value", "0.004").containsEntry("value_number", 0.004)
                .containsEntry("max", 0.01).containsEntry("series", 1)
                .containsEntry("query", "dimmer_test_error_ratio{service=\"checkout\"}")
                .containsEntry("prometheus", prometheus.url());
        assertThat(Instant.parse((String) result.figures().get("evaluated_at"))).isBefore(Instant.now());
        assertThat(result.summary()).isEqualTo(
                "checkout-errors: dimmer_test_error_ratio{service=\"checkout\"} = 0.004 (max 0.01)");
    }

    @Test
    void shouldJudgeTheWorstOfSeveralSeries() {
        // when
        CheckResult result = run(metric("error-rate", "dimmer_test_error_ratio", 0.01, null), prometheus.url());
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("value", "0.02").containsEntry("series", 2);
        @SuppressWarnings("unchecked")
        Map<String, String> worst = (Map<String, String>) result.figures().get("worst_series");
        assertThat(worst).containsEntry("service", "search").containsEntry("job", "exporter");
        assertThat(result.summary()).endsWith("= 0.02 (max 0.01); worst of 2 series");
    }

    @Test
    void cannotPassAMetricBelowItsMin() {
        // when
        CheckResult result = run(metric("latency-floor", "dimmer_test_latency_seconds", null, 0.5), prometheus.url());
        CheckResult within = run(metric("latency-band", "dimmer_test_latency_seconds", 1.0, 0.1), prometheus.url());
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.summary()).endsWith("= 0.25 (min 0.5)");
        assertThat(within.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(within.summary()).endsWith("(min 0.1, max 1)");
    }

    @Test
    void shouldErrorWhenTheQueryHasNoData() {
        // when
        CheckResult result = run(metric("absent", "dimmer_test_absent_metric", 0.01, null), prometheus.url());
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.ERRORED);
        assertThat(result.summary()).startsWith("absent: errored: no data: dimmer_test_absent_metric has no series");
        assertThat(result.figures()).containsEntry("series", 0).containsKey("evaluated_at");
    }

    @Test
    void shouldErrorOnNaN() {
        // when
        CheckResult result = run(metric("ratio", "0/0", 0.01, null), prometheus.url());
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.ERRORED);
        assertThat(result.summary()).contains("is NaN").doesNotContain("\n");
        assertThat(result.figures()).containsEntry("value", "NaN");
    }

    @Test
    void shouldErrorOnAQueryPrometheusRefuses() {
        // when
        CheckResult result = run(metric("broken", "rate(dimmer_test_error_ratio", 0.01, null), prometheus.url());
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.ERRORED);
        assertThat(result.summary()).startsWith("broken: errored: Prometheus at " + prometheus.url()
                + " refused the query (HTTP 400, bad_data: ").doesNotContain("\n");
    }

    @Test
    void shouldErrorWhenPrometheusIsUnreachable() throws Exception {
        // given
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        // when
        CheckResult result = run(metric("error-rate", "dimmer_test_error_ratio", 0.01, null),
                "http://127.0.0.1:" + closed);
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.ERRORED);
        assertThat(result.summary()).isEqualTo("error-rate: errored: cannot reach Prometheus at http://127.0.0.1:"
                + closed + ": connection refused; check metrics.prometheus and that Prometheus is up");
    }

    @Test
    void shouldRecordThePrometheusWithoutUserInfoOrQuery() {
        // when
        CheckResult result = run(metric("checkout-errors", "dimmer_test_error_ratio{service=\"checkout\"}", 0.01,
                null), prometheus.url().replace("http://", "http://reader:s3cret@") + "/?token=abc");
        // then whatever the outcome, neither the password nor the token is recorded
        assertThat(result.toString()).doesNotContain("s3cret").doesNotContain("abc");
        assertThat(result.figures()).containsEntry("prometheus", prometheus.url() + "/");
    }

    private CheckResult run(ValidationPlan validation, String url) {
        return checks.run(PlannedValidations.plan(Map.of(), url, List.of(validation), List.of(), "orders"),
                validation);
    }
}
