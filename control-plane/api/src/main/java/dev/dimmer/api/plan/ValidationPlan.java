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
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ValidationPlan.RowCount.class, name = "row_count"),
        @JsonSubTypes.Type(value = ValidationPlan.Checksum.class, name = "checksum"),
        @JsonSubTypes.Type(value = ValidationPlan.Aggregate.class, name = "aggregate"),
        @JsonSubTypes.Type(value = ValidationPlan.PkUniqueness.class, name = "pk_uniqueness"),
        @JsonSubTypes.Type(value = ValidationPlan.NullRate.class, name = "null_rate"),
        @JsonSubTypes.Type(value = ValidationPlan.Freshness.class, name = "freshness"),
        @JsonSubTypes.Type(value = ValidationPlan.CustomSql.class, name = "custom_sql")})
public sealed interface ValidationPlan {
    String name();

    String dataset();

    Percent tolerance();

    String sourceConnection();

    String targetConnection();

    PlanDuration every();

    /** The plan format's word for the kind, e.g. {@code row_count}. */
    default String kind() {
        return Kinds.of(ValidationPlan.class, this);
    }

    /** Row counts agree. */
    record RowCount(String name, String dataset, Percent tolerance, String sourceConnection, String targetConnection,
                    PlanDuration every) implements ValidationPlan {
    }

    /** Hashes of rows agree, over {@code columns} (all when empty). */
    record Checksum(String name, String dataset, List<String> columns, Percent tolerance, String sourceConnection,
                    String targetConnection, PlanDuration every) implements ValidationPlan {
        public Checksum {
            columns = Lists.of(columns);
        }
    }

    /** A business total such as {@code sum(amount)} agrees, per group of {@code groupBy} when given. */
    record Aggregate(String name, String dataset, String expression, List<String> groupBy, Percent tolerance,
                     String sourceConnection, String targetConnection, PlanDuration every) implements ValidationPlan {
        public Aggregate {
            groupBy = Lists.of(groupBy);
        }
    }

    /** The key columns are unique on the target. */
    record PkUniqueness(String name, String dataset, Percent tolerance, String sourceConnection,
                        String targetConnection, PlanDuration every) implements ValidationPlan {
    }

    /** The share of nulls in {@code column} agrees. */
    record NullRate(String name, String dataset, String column, Percent tolerance, String sourceConnection,
                    String targetConnection, PlanDuration every) implements ValidationPlan {
    }

    /** The target trails the source by at most {@code maxLag}, e.g. {@code 5m}. */
    record Freshness(String name, String dataset, PlanDuration maxLag, Percent tolerance, String sourceConnection,
                     String targetConnection, PlanDuration every) implements ValidationPlan {
    }

    /** The results of a query pair agree. */
    record CustomSql(String name, String dataset, String sourceSql, String targetSql, Percent tolerance,
                     String sourceConnection, String targetConnection, PlanDuration every) implements ValidationPlan {
    }
}
