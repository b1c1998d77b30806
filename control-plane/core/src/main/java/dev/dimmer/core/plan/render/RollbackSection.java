package dev.dimmer.core.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.core.plan.HumanUnits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The rollback runbook: the exact actions in order, with estimates, then what keeps the way back open. */
final class RollbackSection {
    private RollbackSection() {
    }

    static Section build(MigrationPlan plan) {
        List<Block> blocks = new ArrayList<>();
        List<RollbackAction> actions = plan.rollback().actions();
        if (actions.isEmpty()) {
            blocks.add(new Block.Paragraph("No rollback actions are defined."));
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < actions.size(); i++) {
            RollbackAction action = actions.get(i);
            total = total.plus(HumanUnits.duration(action.estimate()).orElse(Duration.ZERO));
            blocks.add(new Block.Paragraph("Step " + (i + 1) + ": " + describe(action)
                    + (action.estimate() == null ? " (no estimate)" : " (about " + action.estimate() + ")")));
            if ("sql".equals(action.kind())) {
                blocks.add(new Block.Code(action.sql()));
            }
        }
        blocks.add(new Block.Bullets(List.of(
                "Estimated total: " + (actions.isEmpty() ? "—" : HumanUnits.format(total)),
                "Old system kept readable for: " + Texts.orNone(plan.rollback().retention()),
                "Writes made on the target get back by: " + Texts.orNone(plan.rollback().reverseSync()),
                "Last rehearsal: " + (plan.rollback().rehearsal() == null ? "none on record"
                        : plan.rollback().rehearsal().date() + " in " + plan.rollback().rehearsal().environment()
                        + (plan.rollback().rehearsal().took() == null ? "" : ", took " + plan.rollback().rehearsal().took())))));
        return new Section("Rollback runbook", blocks);
    }

    private static String describe(RollbackAction action) {
        String what = switch (action.kind()) {
            case "switch" -> "flip switch " + action.routingSwitch() + " to " + action.to();
            case "sql" -> "run on connection " + action.connection() + ":";
            default -> (action.method() == null ? "POST" : action.method()) + " " + action.url();
        };
        return action.description() == null ? what : action.description() + " — " + what;
    }
}
