package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.CellDifference;
import dev.dimmer.validation.ComparingQueryResults;
import dev.dimmer.validation.QueryComparisonResult;
import dev.dimmer.validation.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * custom_sql: the two queries' results compared row by row, numbers within the tolerance. A result says where cells
 * differ (row and column, counted from 1), never what they hold.
 */
final class CustomSqlCheck {
    Finding run(ValidationPlan.CustomSql validation, CheckSides sides) {
        if (validation.sourceSql() == null || validation.targetSql() == null) {
            throw new ValidationException("the custom_sql validation needs source_sql and target_sql");
        }
        QueryComparisonResult result = new ComparingQueryResults().compare(sides.source(), validation.sourceSql(),
                sides.target(), validation.targetSql(), PercentTolerance.of(validation.tolerance()));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("source_rows", result.sourceRows());
        figures.put("target_rows", result.targetRows());
        figures.put("differing_cells", result.cells().size());
        figures.put("tolerance", PercentTolerance.text(validation.tolerance()));
        Map<String, Object> differences = new LinkedHashMap<>();
        if (!result.cells().isEmpty()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (CellDifference cell : result.cells().subList(0, Math.min(ChecksumCheck.LISTED, result.cells().size()))) {
                Map<String, Object> where = new LinkedHashMap<>();
                where.put("row", cell.row());
                where.put("column", cell.column());
                cells.add(where);
            }
            differences.put("cells", cells);
        }
        String summary;
        if (result.passed()) {
            summary = "the queries agree (" + Thousands.of(result.sourceRows()) + (result.sourceRows() == 1 ? " row)"
                    : " rows)");
        } else {
            summary = result.cells().size() + (result.cells().size() == 1 ? " cell differs" : " cells differ")
                    + (result.sourceRows() == result.targetRows() ? ""
                    : "; " + Thousands.of(result.targetRows()) + " rows on the target, "
                    + Thousands.of(result.sourceRows()) + " on the source");
            if (!result.cells().isEmpty()) {
                CellDifference first = result.cells().get(0);
                summary += " (first at row " + first.row() + ", column " + first.column() + ")";
            }
        }
        return new Finding(Finding.passedIf(result.passed()), summary, figures, differences);
    }
}
