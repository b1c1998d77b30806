package dev.dimmer.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.List;

/** Dashboards, alerts, runbooks and on-call: where to look and whom to call during the cutover. */
final class ReadinessSection {
    private ReadinessSection() {
    }

    static Section build(MigrationPlan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Bullets(List.of(
                "On call: " + Texts.orNone(plan.readiness().onCall()),
                "Dashboards: " + Texts.list(plan.readiness().dashboards()),
                "Alerts: " + Texts.list(plan.readiness().alerts()),
                "Runbooks: " + Texts.list(plan.readiness().runbooks()))));
        if (!plan.risks().isEmpty()) {
            blocks.add(new Block.Heading("Risk register"));
            blocks.add(new Block.Table(List.of("Risk", "Mitigation", "Signal", "Rollback step"), plan.risks().stream()
                    .map(r -> List.of(r.risk(), r.mitigation(), Texts.orNone(r.signal()), Texts.orNone(r.rollback()))).toList()));
        }
        return new Section("Operational readiness", blocks);
    }
}
