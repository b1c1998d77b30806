package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A comparison of source and target with its threshold, one record per kind with only the fields that kind reads.
 * Stored as the plan writes it: the {@code kind} property names the record ({@code row_count}, ...).
 *
 * <p>Every kind has a name, the dataset it compares (custom SQL may name one for reports), the largest accepted
 * difference ({@code tolerance}, e.g. {@code 0%}), the connections it runs on (source and target when null) and how
 * often it runs during shadow and canary ({@code every}).
 *
 * <p>Evidence settings every kind shares: {@code guard} (a failure while its wave serves reads from the target rolls
 * the wave back by itself) and {@code rollbackOnError} (that many errored runs in a row roll back too; never when
 * null).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ValidationPlan.RowCount.class, name = "row_count"),
        @JsonSubTypes.Type(value = ValidationPlan.Checksum.class, name = "checksum"),
        @JsonSubTypes.Type(value = ValidationPlan.Aggregate.class, name = "aggregate"),
        @JsonSubTypes.Type(value = ValidationPlan.PkUniqueness.class, name = "pk_uniqueness"),
        @JsonSubTypes.Type(value = ValidationPlan.NullRate.class, name = "null_rate"),
        @JsonSubTypes.Type(value = ValidationPlan.Freshness.class, name = "freshness"),
        @JsonSubTypes.Type(value = ValidationPlan.CustomSql.class, name = "custom_sql"),
        @JsonSubTypes.Type(value = ValidationPlan.Metric.class, name = "metric")})
public sealed interface ValidationPlan {
    String name();

    String dataset();

    Percent tolerance();

    String sourceConnection();

    String targetConnection();

    PlanDuration every();

    boolean guard();

    Integer rollbackOnError();

    /** The plan format's word for the kind, e.g. {@code row_count}. */
    default String kind() {
        return Kinds.of(ValidationPlan.class, this);
    }

    /** Row counts agree. */
    record RowCount(String name, String dataset, Percent tolerance, String sourceConnection, String targetConnection,
                    PlanDuration every, boolean guard,
                    Integer rollbackOnError) implements ValidationPlan {
    }

    /**
     * Hashes of rows agree, over {@code columns} (all when empty). With {@code hashKeys} a result names differing
     * rows by a hash of their key, for data whose keys must not leave the database.
     */
    record Checksum(String name, String dataset, List<String> columns, boolean hashKeys, Percent tolerance, String sourceConnection,
                    String targetConnection, PlanDuration every, boolean guard,
                    Integer rollbackOnError) implements ValidationPlan {
        public Checksum {
            columns = Lists.of(columns);
        }
    }

    /** A business total such as {@code sum(amount)} agrees, per group of {@code groupBy} when given. */
    record Aggregate(String name, String dataset, String expression, List<String> groupBy, Percent tolerance,
                     String sourceConnection, String targetConnection, PlanDuration every, boolean guard,
                    Integer rollbackOnError) implements ValidationPlan {
        public Aggregate {
            groupBy = Lists.of(groupBy);
        }
    }

    /** The key columns are unique on the target. */
    record PkUniqueness(String name, String dataset, Percent tolerance, String sourceConnection,
                        String targetConnection, PlanDuration every, boolean guard,
                    Integer rollbackOnError) implements ValidationPlan {
    }

    /** The share of nulls in {@code column} agrees. */
    record NullRate(String name, String dataset, String column, Percent tolerance, String sourceConnection,
                    String targetConnection, PlanDuration every, boolean guard,
                    Integer rollbackOnError) implements ValidationPlan {
    }

    /**
     * The target trails the source by at most {@code maxLag}, e.g. {@code 5m}: the newest value of {@code column}
     * (a timestamp or date column) on each side.
     */
    record Freshness(String name, String dataset, String column, PlanDuration maxLag, Percent tolerance, String sourceConnection,
                     String targetConnection, PlanDuration every, boolean guard,
                    Integer rollbackOnError) implements ValidationPlan {
    }

    /** The results of a query pair agree. */
    record CustomSql(String name, String dataset, String sourceSql, String targetSql, Percent tolerance,
                     String sourceConnection, String targetConnection, PlanDuration every, boolean guard,
                    Integer rollbackOnError) implements ValidationPlan {
    }

    /**
     * Service evidence: a PromQL instant query against the plan's Prometheus ({@code metrics.prometheus}) whose value
     * must stay at most {@code max} and at least {@code min} (either may be absent). An empty result is no data, which
     * never passes. The dataset is optional; without one the validation belongs to the waves whose gates name it.
     */
    record Metric(String name, String dataset, String query, Double max, Double min, Percent tolerance,
                  String sourceConnection, String targetConnection, PlanDuration every, boolean guard,
                  Integer rollbackOnError) implements ValidationPlan {
    }
}
