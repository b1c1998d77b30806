package dev.dimmer.validation.plan;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.Dataset;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.Inventory;
import dev.dimmer.api.plan.Metrics;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.Percent;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.List;
import java.util.Map;

/** Validations and plans as a plan would declare them, in the words of the plan format. */
final class PlannedValidations {
    private PlannedValidations() {
    }

    static ValidationPlan.RowCount rowCount(String name, String dataset, String tolerance) {
        return new ValidationPlan.RowCount(name, dataset, Percent.of(tolerance), null, null, null, false, null);
    }

    static ValidationPlan.Checksum checksum(String name, String dataset, List<String> columns, boolean hashKeys) {
        return new ValidationPlan.Checksum(name, dataset, columns, hashKeys, Percent.of("0%"), null, null, null,
                false, null);
    }

    static ValidationPlan.Aggregate aggregate(String name, String dataset, String expression, List<String> groupBy) {
        return new ValidationPlan.Aggregate(name, dataset, expression, groupBy, Percent.of("0%"), null, null, null,
                false, null);
    }

    static ValidationPlan.PkUniqueness pkUniqueness(String name, String dataset) {
        return new ValidationPlan.PkUniqueness(name, dataset, null, null, null, null, false, null);
    }

    static ValidationPlan.NullRate nullRate(String name, String dataset, String column, String tolerance) {
        return new ValidationPlan.NullRate(name, dataset, column, Percent.of(tolerance), null, null, null, false,
                null);
    }

    static ValidationPlan.Freshness freshness(String name, String dataset, String column, String maxLag) {
        return new ValidationPlan.Freshness(name, dataset, column, PlanDuration.of(maxLag), null, null, null, null,
                false, null);
    }

    static ValidationPlan.CustomSql customSql(String name, String sourceSql, String targetSql) {
        return new ValidationPlan.CustomSql(name, null, sourceSql, targetSql, Percent.of("0%"), null, null, null,
                false, null);
    }

    static ValidationPlan.Metric metric(String name, String query, Double max, Double min) {
        return new ValidationPlan.Metric(name, null, query, max, min, null, null, null, null, true, 3);
    }

    /** A plan over orders, payments and order lines, in one wave, with the given connections and validations. */
    static MigrationPlan plan(Map<String, Connection> connections, String prometheus,
                              List<ValidationPlan> validations, List<Gate> gates, String ordersTable) {
        Inventory inventory = new Inventory(List.of(
                new Dataset("orders", ordersTable, List.of("id"), "team-orders", "sales", null),
                new Dataset("payments", "payments", List.of(), "team-orders", "sales", null),
                new Dataset("order_lines", "order_lines", List.of("line_id"), "team-orders", "sales", null)),
                null, null);
        return new MigrationPlan("orders-move", "Orders move", List.of(new Owner("ada", "Ada", Role.LEAD)),
                List.of(new WavePlan("sales", List.of(), List.of(10, 50), null, List.of("orders", "payments"), null,
                        null, null), new WavePlan("lines", List.of(), List.of(10, 50), null, List.of("order_lines"),
                        null, null, null)),
                null, null, null, inventory, null, connections, validations, gates, null, null, null, null, null,
                new Metrics(prometheus));
    }
}
