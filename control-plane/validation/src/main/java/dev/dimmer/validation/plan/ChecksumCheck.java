package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.ChangedRow;
import dev.dimmer.validation.DiffRequest;
import dev.dimmer.validation.DiffResult;
import dev.dimmer.validation.DiffingTables;
import dev.dimmer.validation.ProgressListener;
import dev.dimmer.validation.ReadingTableShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * checksum: the engine's segment checksums with bisection, keyed by the dataset's key columns (the source's primary
 * key when the plan names none). It passes when at most the tolerance's share of rows differ; a result names the
 * first 20 differing keys of each sort, or their hashes.
 */
final class ChecksumCheck {
    static final int LISTED = 20;
    private static final int COUNTED = DiffRequest.DEFAULT_MAX_ROWS;

    Finding run(ValidationPlan.Checksum validation, PlannedDataset dataset, CheckSides sides) {
        DiffRequest request = DiffRequest.of(dataset.table(), dataset.table(), dataset.keyColumns())
                .withColumns(validation.columns()).withMaxRows(COUNTED);
        DiffResult result = new DiffingTables().diff(sides.source(), sides.target(), request, ProgressListener.NONE);
        int differing = result.differences();
        long rows = Math.max(result.sourceRows(), result.targetRows());
        BigDecimal allowed = PercentTolerance.fraction(validation.tolerance()).multiply(BigDecimal.valueOf(rows));
        boolean passed = result.equal() || (!result.truncated() && differing > 0
                && BigDecimal.valueOf(differing).compareTo(allowed) <= 0);
        // Without a key the engine names a row by all its values, which must not leave the database: hash them.
        boolean hashed = validation.hashKeys() || !keyed(dataset, sides);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("source_rows", result.sourceRows());
        figures.put("target_rows", result.targetRows());
        figures.put("missing", result.missingInTarget().size());
        figures.put("extra", result.extraInTarget().size());
        figures.put("changed", result.changed().size());
        figures.put("truncated", result.truncated());
        figures.put("hash_mode", result.hashMode().name().toLowerCase(java.util.Locale.ROOT));
        figures.put("keys_hashed", hashed);
        figures.put("tolerance", PercentTolerance.text(validation.tolerance()));
        return new Finding(Finding.passedIf(passed), summary(result, differing), figures,
                differing == 0 ? Map.of() : differences(result, new HiddenKeys(hashed)));
    }

    private static boolean keyed(PlannedDataset dataset, CheckSides sides) {
        return !dataset.keyColumns().isEmpty()
                || !new ReadingTableShape().read(sides.source(), dataset.table()).primaryKey().isEmpty();
    }

    private static String summary(DiffResult result, int differing) {
        String of = " of " + Thousands.of(result.sourceRows());
        if (differing == 0 && result.sourceRows() == result.targetRows()) {
            return "all rows agree (" + Thousands.of(result.sourceRows()) + " on each side)";
        }
        if (differing == 0) {
            return "the row checksums differ (" + Thousands.of(result.targetRows()) + " rows on the target"
                    + of + ") but no differing row was found";
        }
        return (result.truncated() ? "at least " : "") + Thousands.of(differing) + (differing == 1 ? " row differs"
                : " rows differ") + " (" + result.missingInTarget().size() + " missing, "
                + result.extraInTarget().size() + " extra, " + result.changed().size() + " changed)" + of;
    }

    private static Map<String, Object> differences(DiffResult result, HiddenKeys keys) {
        Map<String, Object> differences = new LinkedHashMap<>();
        differences.put("missing_in_target", first(result.missingInTarget(), keys));
        differences.put("extra_in_target", first(result.extraInTarget(), keys));
        List<Object> changed = new ArrayList<>();
        Map<String, Integer> columns = new TreeMap<>();
        for (ChangedRow row : result.changed()) {
            if (changed.size() < LISTED) {
                changed.add(keys.name(row.key()));
            }
            row.columns().forEach(column -> columns.merge(column, 1, Integer::sum));
        }
        differences.put("changed", changed);
        differences.put("changed_columns", columns);
        return differences;
    }

    private static List<Object> first(List<Map<String, Object>> rows, HiddenKeys keys) {
        List<Object> named = new ArrayList<>();
        for (Map<String, Object> key : rows.subList(0, Math.min(LISTED, rows.size()))) {
            named.add(keys.name(key));
        }
        return named;
    }
}
