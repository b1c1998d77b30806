package dev.dimmer.plan.render;

import dev.dimmer.api.plan.Cap;
import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.List;

/** Objective, scope, owners, service levels and strategy: what the lead must know before starting. */
final class ScopeSection {
    private ScopeSection() {
    }

    static Section build(MigrationPlan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(plan.objective() == null ? "Objective: not written." : plan.objective()));
        if (!plan.scope().includes().isEmpty()) {
            blocks.add(new Block.Heading("In scope"));
            blocks.add(new Block.Bullets(plan.scope().includes()));
        }
        if (!plan.scope().excludes().isEmpty()) {
            blocks.add(new Block.Heading("Out of scope"));
            blocks.add(new Block.Bullets(plan.scope().excludes()));
        }
        blocks.add(new Block.Heading("Owners"));
        blocks.add(new Block.Table(List.of("Name", "Role", "Id"), plan.owners().stream()
                .map(o -> List.of(o.name(), o.role() == null ? "—" : o.role().label(), o.id())).toList()));
        blocks.add(new Block.Heading("Service levels"));
        List<String> levels = new ArrayList<>();
        levels.add("Downtime budget: " + Texts.orNone(plan.slos().downtimeBudget()));
        levels.add("Data delay tolerance: " + Texts.orNone(plan.slos().dataDelayTolerance()));
        plan.slos().performance().forEach(c -> levels.add("Performance cap: " + cap(c)));
        plan.slos().cost().forEach(c -> levels.add("Cost cap: " + cap(c)));
        blocks.add(new Block.Bullets(levels));
        blocks.add(new Block.Heading("Strategy"));
        blocks.add(new Block.Bullets(List.of(
                "Environment: " + Texts.orNone(plan.strategy().environment()),
                "Backfill: " + Texts.orNone(plan.strategy().backfill()),
                "Replication: " + Texts.orNone(plan.strategy().replication()),
                "Dual writes: " + Texts.orNone(plan.strategy().dualWrites()),
                "Compatibility views: " + Texts.list(plan.strategy().compatibilityViews()))));
        if (plan.strategy().notes() != null) {
            blocks.add(new Block.Paragraph(plan.strategy().notes()));
        }
        return new Section("Scope and owners", blocks);
    }

    /** Datasets, pipelines and consumers: reference for the day, after the checklist and the way back. */
    static Section inventory(MigrationPlan plan) {
        List<Block> blocks = new ArrayList<>();
        if (!plan.inventory().datasets().isEmpty()) {
            blocks.add(new Block.Heading("Datasets"));
            blocks.add(new Block.Table(List.of("Dataset", "Table", "Key", "Owner", "Domain", "SLA"),
                    plan.inventory().datasets().stream().map(d -> List.of(d.name(), d.table(), Texts.list(d.keyColumns()),
                            Texts.orNone(d.owner()), Texts.orNone(d.domain()), d.sla() == null ? "—"
                                    : "freshness " + Texts.orNone(d.sla().freshness()) + ", availability "
                                    + Texts.orNone(d.sla().availability()))).toList()));
        }
        if (!plan.inventory().pipelines().isEmpty()) {
            blocks.add(new Block.Heading("Pipelines"));
            blocks.add(new Block.Table(List.of("Pipeline", "Owner", "Schedule", "Reads", "Writes"),
                    plan.inventory().pipelines().stream().map(p -> List.of(p.name(), Texts.orNone(p.owner()),
                            Texts.orNone(p.schedule()), Texts.list(p.reads()), Texts.list(p.writes()))).toList()));
        }
        if (!plan.inventory().consumers().isEmpty()) {
            blocks.add(new Block.Heading("Consumers"));
            blocks.add(new Block.Table(List.of("Consumer", "Kind", "Owner", "Reads"),
                    plan.inventory().consumers().stream().map(c -> List.of(c.name(), c.kind(), Texts.orNone(c.owner()),
                            Texts.list(c.reads()))).toList()));
        }
        if (blocks.isEmpty()) {
            blocks.add(new Block.Paragraph("The plan lists no datasets, pipelines or consumers."));
        }
        return new Section("Inventory", blocks);
    }

    private static String cap(Cap cap) {
        return cap.name() + " at most " + cap.limit();
    }
}
