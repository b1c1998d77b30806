package dev.dimmer.validation.plan;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.validation.ValidationException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Runs one validation of a plan against the plan's connections (or its Prometheus) and says what it found as a
 * {@link CheckResult}: figures, never row values or secrets. Passwords are read from {@code environment} for each
 * check and forgotten after it. Each run opens its own small read-only pools and closes them; every statement is
 * bounded by {@code statementTimeout}, as is a query to Prometheus. Safe to call from several threads.
 */
public final class RunningPlannedChecks {
    private final UnaryOperator<String> environment;
    private final Clock clock;
    private final Duration statementTimeout;
    private final HttpClient http;
    private final Set<CheckSides> running = ConcurrentHashMap.newKeySet();

    public RunningPlannedChecks(UnaryOperator<String> environment, Clock clock, Duration statementTimeout,
                                HttpClient http) {
        this.environment = environment;
        this.clock = clock;
        this.statementTimeout = statementTimeout;
        this.http = http;
    }

    /** Never throws for anything the check meets at run time: such trouble is an ERRORED result with one line. */
    public CheckResult run(MigrationPlan plan, ValidationPlan validation) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        CheckSides sides = new CheckSides(plan, validation, environment, statementTimeout);
        running.add(sides);
        Finding finding;
        try {
            finding = check(plan, validation, sides, now);
        } catch (ValidationException e) {
            finding = Finding.errored(oneLine(sides.hide(e.getMessage())));
        } catch (RuntimeException e) {
            finding = Finding.errored("unexpected " + e.getClass().getSimpleName() + ": "
                    + oneLine(sides.hide(String.valueOf(e.getMessage()))));
        } finally {
            running.remove(sides);
            sides.close();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> figures = new LinkedHashMap<>(finding.figures());
        figures.put("duration_ms", millis);
        figures.putAll(sides.versions());
        String summary = validation.name() + ": " + (finding.status() == CheckStatus.ERRORED ? "errored: " : "") + finding.summary();
        return new CheckResult(validation.name(), validation.kind(), finding.status(), summary, figures,
                finding.differences(), millis);
    }

    /** Asks every database a check now runs on to stop its statements: the check then errors with why. */
    public void cancelRunning() {
        running.forEach(CheckSides::cancelRunning);
    }

    /**
     * The validations of a wave: those whose dataset belongs to the wave, and those named by a gate guarding the wave
     * (a gate with no waves guards all). Plan order.
     */
    public static List<ValidationPlan> ofWave(MigrationPlan plan, String wave) {
        return plan.validationsOf(wave);
    }

    private Finding check(MigrationPlan plan, ValidationPlan validation, CheckSides sides, Instant now) {
        if (validation instanceof ValidationPlan.Metric metric) {
            return new MetricCheck(http, statementTimeout, environment).run(metric, plan, now);
        }
        if (validation instanceof ValidationPlan.CustomSql sql) {
            sides.openBoth();
            return new CustomSqlCheck().run(sql, sides);
        }
        PlannedDataset dataset = PlannedDataset.of(plan, validation);
        if (!(validation instanceof ValidationPlan.PkUniqueness)) {
            sides.openBoth();
        }
        if (validation instanceof ValidationPlan.RowCount rowCount) {
            return new RowCountCheck().run(rowCount, dataset, sides);
        }
        if (validation instanceof ValidationPlan.Checksum checksum) {
            return new ChecksumCheck().run(checksum, dataset, sides);
        }
        if (validation instanceof ValidationPlan.Aggregate aggregate) {
            return new AggregateCheck().run(aggregate, dataset, sides);
        }
        if (validation instanceof ValidationPlan.PkUniqueness uniqueness) {
            return new KeyUniquenessCheck().run(uniqueness, dataset, sides);
        }
        if (validation instanceof ValidationPlan.NullRate nullRate) {
            return new NullRateCheck().run(nullRate, dataset, sides);
        }
        if (validation instanceof ValidationPlan.Freshness freshness) {
            return new FreshnessCheck().run(freshness, dataset, sides, now);
        }
        throw new ValidationException("Dimmer cannot run a " + validation.kind() + " validation yet");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
