package dev.dimmer.core.plan;

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
}
