package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.CountingRows;
import dev.dimmer.validation.RowCountResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** row_count: both tables counted at once; the counts agree within the tolerance (relative to the larger). */
final class RowCountCheck {
    Finding run(ValidationPlan.RowCount validation, PlannedDataset dataset, CheckSides sides) {
        RowCountResult result = new CountingRows().count(sides.source(), dataset.table(), sides.target(),
                dataset.table(), null, PercentTolerance.of(validation.tolerance()));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("source_rows", result.source());
        figures.put("target_rows", result.target());
        figures.put("delta", result.difference());
        figures.put("tolerance", PercentTolerance.text(validation.tolerance()));
        String counts = Thousands.of(result.target()) + " rows on the target, " + Thousands.of(result.source())
                + " on the source";
        String summary = result.difference() == 0 ? counts
                : counts + " (" + (result.difference() > 0 ? Thousands.of(result.difference()) + " more"
                : Thousands.of(-result.difference()) + " fewer") + "; tolerance "
                + PercentTolerance.text(validation.tolerance()) + ")";
        return new Finding(Finding.passedIf(result.passed()), summary, figures, Map.of());
    }
}
