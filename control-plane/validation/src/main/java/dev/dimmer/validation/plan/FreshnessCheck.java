package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.CheckingFreshness;
import dev.dimmer.validation.Database;
import dev.dimmer.validation.FreshnessResult;
import dev.dimmer.validation.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * freshness: the newest value of the timestamp column on each side; the target's trails the source's by at most
 * {@code max_lag}. Measuring against the source, not the clock, keeps a quiet night from failing the check.
 */
final class FreshnessCheck {
    private static final Duration ANY = Duration.ofDays(365_000);

    Finding run(ValidationPlan.Freshness validation, PlannedDataset dataset, CheckSides sides, Instant now) {
        if (validation.column() == null || validation.column().isBlank()) {
            throw new ValidationException("the freshness validation names no timestamp column; give the freshness "
                    + "validation a column: (e.g. column: updated_at)");
        }
        Duration maxLag = PlanDuration.orZero(validation.maxLag());
        Database source = sides.source();
        Database target = sides.target();
        CompletableFuture<FreshnessResult> sourceNewest = CompletableFuture.supplyAsync(() ->
                new CheckingFreshness().check(source, dataset.table(), validation.column(), null, ANY, now));
        FreshnessResult t = new CheckingFreshness().check(target, dataset.table(), validation.column(), null, ANY, now);
        FreshnessResult s = Database.await(sourceNewest);
        Duration behind = s.latest() == null || t.latest() == null ? null
                : max(Duration.between(t.latest(), s.latest()), Duration.ZERO);
        boolean passed = s.latest() == null || (behind != null && behind.compareTo(maxLag) <= 0);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("column", validation.column());
        figures.put("source_newest", s.latest() == null ? null : s.latest().toString());
        figures.put("target_newest", t.latest() == null ? null : t.latest().toString());
        figures.put("source_lag_ms", s.lag() == null ? null : s.lag().toMillis());
        figures.put("target_lag_ms", t.lag() == null ? null : t.lag().toMillis());
        figures.put("lag_behind_source_ms", behind == null ? null : behind.toMillis());
        figures.put("max_lag", validation.maxLag() == null ? null : validation.maxLag().text());
        figures.put("evaluated_at", now.toString());
        String summary;
        if (s.latest() == null) {
            summary = "the source has no " + validation.column() + " yet, so the target cannot trail it";
        } else if (t.latest() == null) {
            summary = "the target has no " + validation.column() + " yet; the source's newest is " + s.latest();
        } else {
            summary = "the target trails the source by " + Thousands.duration(behind) + " (max "
                    + (validation.maxLag() == null ? "0s" : validation.maxLag().text()) + "); newest on the target "
                    + t.latest() + ", " + Thousands.duration(t.lag()) + " ago";
        }
        return new Finding(Finding.passedIf(passed), summary, figures, Map.of());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
