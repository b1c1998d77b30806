package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.CheckingNullRates;
import dev.dimmer.validation.ColumnNullRate;
import dev.dimmer.validation.NullRateResult;
import dev.dimmer.validation.ValidationException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * null_rate: the share of NULLs in the column on each side; the shares agree when they are at most the tolerance
 * apart in percentage points ({@code 0.1%}: 2.0 % on the source allows 1.9 % to 2.1 % on the target).
 */
final class NullRateCheck {
    Finding run(ValidationPlan.NullRate validation, PlannedDataset dataset, CheckSides sides) {
        if (validation.column() == null || validation.column().isBlank()) {
            throw new ValidationException("the null_rate validation names no column; give it column:");
        }
        Map<String, Double> column = Map.of(validation.column(), 1.0);
        var source = sides.source();
        var target = sides.target();
        CompletableFuture<NullRateResult> sourceRates = CompletableFuture.supplyAsync(
                () -> new CheckingNullRates().check(source, dataset.table(), column, null));
        NullRateResult t = new CheckingNullRates().check(target, dataset.table(), column, null);
        NullRateResult s = joined(sourceRates);
        ColumnNullRate sourceRate = s.columns().get(0);
        ColumnNullRate targetRate = t.columns().get(0);
        BigDecimal allowed = PercentTolerance.fraction(validation.tolerance());
        BigDecimal gap = BigDecimal.valueOf(targetRate.rate()).subtract(BigDecimal.valueOf(sourceRate.rate())).abs();
        boolean passed = gap.compareTo(allowed) <= 0;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("column", validation.column());
        figures.put("source_rows", s.rows());
        figures.put("target_rows", t.rows());
        figures.put("source_nulls", sourceRate.nulls());
        figures.put("target_nulls", targetRate.nulls());
        figures.put("source_null_rate", sourceRate.rate());
        figures.put("target_null_rate", targetRate.rate());
        figures.put("tolerance", PercentTolerance.text(validation.tolerance()));
        String summary = validation.column() + " is null in " + percent(targetRate.rate()) + " of the target's "
                + Thousands.of(t.rows()) + " rows and " + percent(sourceRate.rate()) + " of the source's "
                + Thousands.of(s.rows()) + (passed ? "" : "; more than " + PercentTolerance.text(validation.tolerance())
                + " apart");
        return new Finding(Finding.passedIf(passed), summary, figures, Map.of());
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }

    private static NullRateResult joined(CompletableFuture<NullRateResult> future) {
        return dev.dimmer.validation.Database.await(future);
    }
}
