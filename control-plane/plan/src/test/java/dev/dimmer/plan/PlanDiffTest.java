package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    private static final Owner ANA = new Owner("U01", "Ana Lima", Role.LEAD);
    private static final WavePlan ORDERS = new WavePlan("orders", List.of(), List.of(10, 50));
    private static final MigrationPlan BEFORE = new MigrationPlan("pg", "Orders to managed PG", List.of(ANA), List.of(ORDERS));

    @Test
    void shouldDescribeNothingWhenPlansAreEqual() {
        MigrationPlan same = new MigrationPlan("pg", "Orders to managed PG", List.of(ANA), List.of(ORDERS));

        assertThat(PlanDiff.describe(BEFORE, same)).isEmpty();
    }

    @Test
    void shouldDescribeEachChangeOnItsOwnLine() {
        MigrationPlan after = new MigrationPlan("pg", "Orders and billing to managed PG",
                List.of(ANA, new Owner("U02", "Bo Chen", Role.APPROVER)),
                List.of(new WavePlan("orders", List.of(), List.of(5, 25, 50)),
                        new WavePlan("billing", List.of("orders"), List.of())));

        assertThat(PlanDiff.describe(BEFORE, after)).containsExactly(
                "title changed: 'Orders to managed PG' → 'Orders and billing to managed PG'",
                "owner Bo Chen (U02) added as approver",
                "wave orders: canary steps 10, 50 → 5, 25, 50",
                "wave billing added");
    }

    @Test
    void shouldDescribeRemovedWaveAndChangedRole() {
        MigrationPlan after = new MigrationPlan("pg", "Orders to managed PG",
                List.of(new Owner("U01", "Ana Lima", Role.APPROVER)), List.of(new WavePlan("billing", null, null)));

        assertThat(PlanDiff.describe(BEFORE, after)).containsExactly(
                "owner U01 role changed: 'lead' → 'approver'",
                "wave orders removed",
                "wave billing added");
    }

    @Test
    void shouldDescribeChangesInEverySectionOfTheFullFormat() {
        PlanLoader loader = new PlanLoader();
        String text = ExamplePlans.text("onprem-postgres-to-managed.yaml");
        MigrationPlan before = loader.load("a.yaml", text).plan();
        MigrationPlan after = loader.load("b.yaml", text
                .replace("  retention: 7d", "  retention: 14d")
                .replace("{name: daily-revenue,", "{name: daily-revenue,")
                .replace("    tolerance: 0.01%\n", "    tolerance: 0.1%\n")
                .replace("      sla: {freshness: 30s, availability: 99.95%}\n    - name: order_lines",
                        "      sla: {freshness: 1m, availability: 99.95%}\n    - name: order_lines")
                .replace("    datasets: [orders, order_lines]", "    datasets: [orders]")
                .replace("  - {name: orders-fresh, kind: freshness, dataset: orders, column: updated_at, max_lag: 30s, every: 5m}\n", "")
                .replace(", daily-revenue, orders-fresh, checkout-error-rate]", ", daily-revenue, checkout-error-rate]")
                .replace("    max: 0.01\n", "    max: 0.02\n")
                .replace("    rollback_on_error: 3\n", "")
                .replace("updated_at], tolerance: 0%, every: 1h, guard: true}", "updated_at], tolerance: 0%, every: 1h}")
                .replace("cutover: 1h", "cutover: 30m")
                .replace("    password: ${env:TARGET_PG_PASSWORD}", "    password: ${env:MANAGED_PG_PASSWORD}")).plan();

        List<String> changes = PlanDiff.describe(before, after);

        assertThat(changes).containsExactly(
                "wave orders: datasets orders, order_lines → orders",
                "dataset orders: sla.freshness changed: '30s' → '1m'",
                "connections.target.password changed: '${env:TARGET_PG_PASSWORD}' → '${env:MANAGED_PG_PASSWORD}'",
                "validation orders-checksum: guard changed: true → false",
                "validation daily-revenue: tolerance changed: '0.01%' → '0.1%'",
                "validation orders-fresh removed",
                "validation checkout-error-rate: max changed: 0.01 → 0.02",
                "validation checkout-error-rate: rollback_on_error changed: 3 → (none)",
                "gate go-no-go: validations orders-row-count, orders-checksum, order-lines-pk-unique, daily-revenue, orders-fresh,"
                        + " checkout-error-rate → orders-row-count, orders-checksum, order-lines-pk-unique, daily-revenue,"
                        + " checkout-error-rate",
                "rollback.retention changed: '7d' → '14d'",
                "communication.cadence.cutover changed: '1h' → '30m'");
    }

    @Test
    void shouldDescribeChangesInsideListsWithoutNames() {
        PlanLoader loader = new PlanLoader();
        String text = ExamplePlans.text("onprem-postgres-to-managed.yaml");
        MigrationPlan before = loader.load("a.yaml", text).plan();
        MigrationPlan after = loader.load("b.yaml", text
                .replace("approvals: [{role: approver, count: 2}, {role: lead, count: 1}]",
                        "approvals: [{role: approver, count: 1}, {role: lead, count: 1}]")
                .replace("reason: year-end change freeze", "reason: year-end freeze")
                .replace("waves: [customers], estimate: 10s}", "waves: [customers], estimate: 20s}")
                .replace("mitigation: canary only outside peak hours; lag alert at 5s",
                        "mitigation: lag alert at 5s")).plan();

        assertThat(PlanDiff.describe(before, after)).containsExactly(
                "gate go-no-go: approvals approver count changed: 2 → 1",
                "windows.freezes 2026-12-18 reason changed: 'year-end change freeze' → 'year-end freeze'",
                "rollback.actions[1] estimate changed: '10s' → '20s'",
                "risks 'replication falls behind under peak…' mitigation changed: "
                        + "'canary only outside peak hours; lag alert at 5s' → 'lag alert at 5s'");
    }

    @Test
    void shouldShowSecretsAsTheirReferences() {
        PlanLoader loader = new PlanLoader();
        String text = ExamplePlans.text("onprem-postgres-to-managed.yaml");
        MigrationPlan before = loader.load("a.yaml", text).plan();
        MigrationPlan after = loader.load("b.yaml", text.replace("${env:SOURCE_PG_PASSWORD}", "${env:ONPREM_PASSWORD}")).plan();

        assertThat(PlanDiff.describe(before, after)).containsExactly(
                "connections.source.password changed: '${env:SOURCE_PG_PASSWORD}' → '${env:ONPREM_PASSWORD}'");
    }
}
