package dev.dimmer.plan.render;

import dev.dimmer.api.plan.Approval;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.util.ArrayList;
import java.util.List;

/** Each gate as a checklist with its criteria; boxes are left for the lead to tick on the day. */
final class GoNoGoSection {
    private GoNoGoSection() {
    }

    static Section build(MigrationPlan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph("Review this checklist " + (plan.communication().goNoGoReview() == null
                ? "before cutover (no review lead time set)" : plan.communication().goNoGoReview() + " before cutover")
                + "; every box must be ticked for a go."));
        if (plan.gates().isEmpty()) {
            blocks.add(new Block.Paragraph("The plan defines no gates: there are no written go/no-go criteria."));
        }
        for (Gate gate : plan.gates()) {
            blocks.add(new Block.Heading("Gate " + gate.name() + " — before " + gate.before()
                    + (gate.waves().isEmpty() ? " (all waves)" : " (waves " + String.join(", ", gate.waves()) + ")")));
            List<Block.CheckItem> items = new ArrayList<>();
            for (String name : gate.validations()) {
                items.add(new Block.CheckItem(false, "Validation " + name + " passed: "
                        + plan.validation(name).map(GoNoGoSection::criterion).orElse("(not defined)")));
            }
            for (Approval approval : gate.approvals()) {
                items.add(new Block.CheckItem(false, approval.count() + " go vote(s) from " + approval.role().label() + "s"));
            }
            if (gate.rehearsedRollback()) {
                items.add(new Block.CheckItem(false, "Rollback rehearsed and on record"));
            }
            if (gate.expires() != null) {
                items.add(new Block.CheckItem(false, "All passes and votes are younger than " + gate.expires()));
            }
            blocks.add(new Block.Checklist(items));
        }
        return new Section("Go/no-go checklist", blocks);
    }

    static String criterion(ValidationPlan v) {
        String within = v.tolerance() == null ? "" : " within " + v.tolerance();
        return switch (v.kind()) {
            case "row_count" -> "row counts of " + v.dataset() + " agree" + within;
            case "checksum" -> "checksums of " + v.dataset() + (v.columns().isEmpty() ? "" : " over " + Texts.list(v.columns()))
                    + " agree" + within;
            case "aggregate" -> v.expression() + " of " + v.dataset()
                    + (v.groupBy().isEmpty() ? "" : " per " + Texts.list(v.groupBy())) + " agrees" + within;
            case "pk_uniqueness" -> "primary keys of " + v.dataset() + " are unique on the target";
            case "null_rate" -> "null rate of " + v.dataset() + "." + v.column() + " agrees" + within;
            case "freshness" -> "the target's " + v.dataset() + " trails the source by at most " + v.maxLag();
            default -> "custom SQL results on source and target agree" + within;
        };
    }
}
