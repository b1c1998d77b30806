package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.AggregateRequest;
import dev.dimmer.validation.AggregateResult;
import dev.dimmer.validation.ComparingAggregates;
import dev.dimmer.validation.GroupDifference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * aggregate: the expression (e.g. {@code sum(total_amount)}) per group of {@code group_by} on each side, groups
 * matched by their canonical text and compared within the tolerance; the whole table is one group without
 * {@code group_by}. Several group columns are joined with CONCAT_WS, which both engines know.
 */
final class AggregateCheck {
    private static final int LISTED = 100;

    Finding run(ValidationPlan.Aggregate validation, PlannedDataset dataset, CheckSides sides) {
        String group = group(validation.groupBy());
        AggregateResult result = new ComparingAggregates().compare(sides.source(), sides.target(),
                AggregateRequest.sameSql(dataset.table(), dataset.table(), group, validation.expression(), null,
                        PercentTolerance.of(validation.tolerance())));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("expression", validation.expression());
        figures.put("group_by", validation.groupBy());
        figures.put("groups", result.groups());
        figures.put("groups_outside", result.outside().size());
        figures.put("tolerance", PercentTolerance.text(validation.tolerance()));
        Map<String, Object> differences = new LinkedHashMap<>();
        if (!result.outside().isEmpty()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (GroupDifference difference : result.outside().subList(0, Math.min(LISTED, result.outside().size()))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("group", validation.groupBy().isEmpty() ? "(all rows)" : difference.group());
                row.put("source", difference.source());
                row.put("target", difference.target());
                row.put("delta", difference.source() == null || difference.target() == null ? null
                        : difference.target().subtract(difference.source()));
                groups.add(row);
            }
            differences.put("groups", groups);
        }
        String of = validation.expression() + (validation.groupBy().isEmpty() ? ""
                : " per " + String.join(", ", validation.groupBy()));
        String summary = result.outside().isEmpty()
                ? of + " agrees in " + Thousands.of(result.groups()) + (result.groups() == 1 ? " group" : " groups")
                : of + ": " + result.outside().size() + " of " + Thousands.of(result.groups()) + " groups outside "
                + PercentTolerance.text(validation.tolerance()) + first(result.outside().get(0),
                validation.groupBy().isEmpty());
        return new Finding(Finding.passedIf(result.passed()), summary, figures, differences);
    }

    private static String first(GroupDifference difference, boolean whole) {
        return " (" + (whole ? "all rows" : difference.group()) + ": source " + text(difference.source())
                + ", target " + text(difference.target()) + ")";
    }

    private static String text(BigDecimal value) {
        return value == null ? "absent" : value.stripTrailingZeros().toPlainString();
    }

    private static String group(List<String> columns) {
        if (columns.isEmpty()) {
            return "1";
        }
        if (columns.size() == 1) {
            return columns.get(0);
        }
        return "CONCAT_WS('|', " + String.join(", ", columns) + ")";
    }
}
