package dev.dimmer.api.plan;

import java.util.List;

/**
 * A comparison of source and target with its threshold.
 *
 * @param kind       row_count, checksum, aggregate, pk_uniqueness, null_rate, freshness or custom_sql
 * @param columns    columns a checksum covers (all when empty)
 * @param expression the aggregate, e.g. {@code sum(amount)}
 * @param groupBy    columns an aggregate is compared per group of
 * @param column     the column a null rate is measured on
 * @param tolerance  the largest accepted difference, e.g. {@code 0%} or {@code 0.01%}
 * @param maxLag     for freshness: how far the target may trail, e.g. {@code 5m}
 * @param every      how often it runs during shadow and canary, e.g. {@code 15m}
 */
public record ValidationPlan(String name, String kind, String dataset, List<String> columns, String expression,
                             List<String> groupBy, String column, String tolerance, String maxLag,
                             String sourceSql, String targetSql, String sourceConnection, String targetConnection,
                             String every) {
    public ValidationPlan {
        columns = Lists.of(columns);
        groupBy = Lists.of(groupBy);
    }
}
