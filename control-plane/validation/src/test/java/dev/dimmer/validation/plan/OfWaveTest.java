package dev.dimmer.validation.plan;

import static dev.dimmer.validation.plan.PlannedValidations.metric;
import static dev.dimmer.validation.plan.PlannedValidations.pkUniqueness;
import static dev.dimmer.validation.plan.PlannedValidations.rowCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfWaveTest {
    private static final List<ValidationPlan> VALIDATIONS = List.of(
            metric("error-rate", "rate(errors_total[5m])", 0.01, null),
            rowCount("orders-row-count", "orders", "0%"),
            pkUniqueness("lines-pk", "order_lines"),
            metric("lines-latency", "latency", 1.0, null),
            rowCount("payments-row-count", "payments", "0%"));

    @Test
    void shouldTakeTheValidationsOfTheWavesDatasetsAndItsGatesInPlanOrder() {
        // given a gate for every wave naming the error rate, and one for lines naming its latency
        MigrationPlan plan = PlannedValidations.plan(Map.of(), null, VALIDATIONS, List.of(
                new Gate("go-no-go", Phase.CUTOVER, List.of(), List.of("error-rate"), List.of(), null, false),
                new Gate("lines-canary", Phase.CANARY, List.of("lines"), List.of("lines-latency"), List.of(), null,
                        false)), "orders");
        // when
        List<String> sales = RunningPlannedChecks.ofWave(plan, "sales").stream().map(ValidationPlan::name).toList();
        List<String> lines = RunningPlannedChecks.ofWave(plan, "lines").stream().map(ValidationPlan::name).toList();
        // then
        assertThat(sales).containsExactly("error-rate", "orders-row-count", "payments-row-count");
        assertThat(lines).containsExactly("error-rate", "lines-pk", "lines-latency");
    }

    @Test
    void shouldFindNoValidationsForAnUnknownWaveWithoutGates() {
        // given
        MigrationPlan plan = PlannedValidations.plan(Map.of(), null, VALIDATIONS, List.of(), "orders");
        // when, then
        assertThat(RunningPlannedChecks.ofWave(plan, "nowhere")).isEmpty();
    }
}
