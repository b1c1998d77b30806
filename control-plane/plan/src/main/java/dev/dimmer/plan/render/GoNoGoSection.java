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
        return build(plan, RecordedEvidence.NONE);
    }

    /** With evidence, a validation's box is ticked when its latest recorded result passed, and says how it stands. */
    static Section build(MigrationPlan plan, RecordedEvidence evidence) {
        List<Block> blocks = new ArrayList<>();
        if (evidence.recorded()) {
            blocks.add(new Block.Paragraph("Validation results as recorded by " + evidence.source() + " at "
                    + evidence.asOf() + "; votes, rehearsals and ages are checked by the gate itself "
                    + "(dimmer gate MIGRATION WAVE)."));
        }
        blocks.add(new Block.Paragraph("Review this checklist " + (plan.communication().goNoGoReview() == null
                ? "before cutover (no review lead time set)" : plan.communication().goNoGoReview() + " before cutover")
                + "; every box must be ticked for a go."));
        if (plan.gates().isEmpty()) {
            blocks.add(new Block.Paragraph("The plan defines no gates: there are no written go/no-go criteria."));
        }
        for (Gate gate : plan.gates()) {
            blocks.add(new Block.Heading("Gate " + gate.name() + " — before " + Texts.orNone(gate.before() == null ? null : gate.before().label())
                    + (gate.waves().isEmpty() ? " (all waves)" : " (waves " + String.join(", ", gate.waves()) + ")")));
            List<Block.CheckItem> items = new ArrayList<>();
            for (String name : gate.validations()) {
                items.add(new Block.CheckItem(evidence.of(name).map(RecordedEvidence.Result::passed).orElse(false),
                        "Validation " + name + " passed: "
                        + plan.validation(name).map(GoNoGoSection::criterion).orElse("(not defined)")
                        + (evidence.recorded() ? " — latest: " + evidence.describe(name) : "")));
            }
            for (Approval approval : gate.approvals()) {
                items.add(new Block.CheckItem(false, Texts.count(approval.count(), "go vote", "go votes") + " from "
                        + (approval.count() == 1 ? ("aeiou".indexOf(approval.role().label().charAt(0)) >= 0 ? "an " : "a ")
                        + approval.role().label() : approval.role().label() + "s")));
            }
            if (gate.rehearsedRollback()) {
                items.add(new Block.CheckItem(false, "Rollback rehearsed and on record"));
            }
            if (gate.freshWithin() != null) {
                items.add(new Block.CheckItem(false, "Each validation's pass is younger than " + gate.freshWithin()));
            }
            if (gate.expires() != null) {
                items.add(new Block.CheckItem(false, "All passes and votes are younger than " + gate.expires()));
            }
            blocks.add(new Block.Checklist(items));
        }
        return new Section("Go/no-go checklist", blocks);
    }

    /** What must hold, then what a failure or an error does by itself. */
    static String criterion(ValidationPlan v) {
        String automatic = (v.guard() ? "; guard: a failure while reads are on the target rolls the wave back" : "")
                + (v.rollbackOnError() == null ? "" : "; " + v.rollbackOnError()
                + " errored runs in a row roll the wave back");
        return condition(v) + automatic;
    }

    private static String condition(ValidationPlan v) {
        String within = v.tolerance() == null ? "" : " within " + v.tolerance();
        if (v instanceof ValidationPlan.RowCount) {
            return "row counts of " + v.dataset() + " agree" + within;
        } else if (v instanceof ValidationPlan.Checksum c) {
            return "checksums of " + c.dataset() + (c.columns().isEmpty() ? "" : " over " + Texts.list(c.columns()))
                    + " agree" + within;
        } else if (v instanceof ValidationPlan.Aggregate a) {
            return a.expression() + " of " + a.dataset()
                    + (a.groupBy().isEmpty() ? "" : " per " + Texts.list(a.groupBy())) + " agrees" + within;
        } else if (v instanceof ValidationPlan.PkUniqueness) {
            return "primary keys of " + v.dataset() + " are unique on the target";
        } else if (v instanceof ValidationPlan.NullRate n) {
            return "null rate of " + n.dataset() + "." + n.column() + " agrees" + within;
        } else if (v instanceof ValidationPlan.Freshness f) {
            return "the target's " + f.dataset() + (f.column() == null ? "" : "." + f.column())
                    + " trails the source by at most " + f.maxLag();
        } else if (v instanceof ValidationPlan.Metric m) {
            String bounds = (m.min() == null ? "" : "at least " + number(m.min()))
                    + (m.min() != null && m.max() != null ? " and " : "")
                    + (m.max() == null ? "" : "at most " + number(m.max()));
            return "Prometheus query " + m.query() + " is " + bounds + " (no data never passes)";
        }
        return "custom SQL results on source and target agree" + within;
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
