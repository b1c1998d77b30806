package dev.dimmer.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.plan.HumanUnits;
import dev.dimmer.plan.RollbackTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollback runbook: the exact actions in order (a wave's rollback runs the steps for that wave and the steps
 * for every wave), with estimates, then what keeps the way back open.
 */
final class RollbackSection {
    private RollbackSection() {
    }

    static Section build(MigrationPlan plan) {
        List<Block> blocks = new ArrayList<>();
        List<RollbackAction> actions = plan.rollback().actions();
        if (actions.isEmpty()) {
            blocks.add(new Block.Paragraph("No rollback actions are defined."));
        }
        for (int i = 0; i < actions.size(); i++) {
            RollbackAction action = actions.get(i);
            blocks.add(new Block.Paragraph("Step " + (i + 1)
                    + (action.waves().isEmpty() ? "" : " (wave " + String.join(", ", action.waves()) + ")") + ": " + describe(action)
                    + (action.estimate() == null ? " (no estimate)" : " (about " + action.estimate() + ")")
                    + (action instanceof RollbackAction.Sql ? ":" : "")));
            if (action instanceof RollbackAction.Sql sql) {
                blocks.add(new Block.Code(sql.sql()));
            }
        }
        List<RollbackAction> cutover = plan.cutover().actions();
        for (int i = 0; i < cutover.size(); i++) {
            RollbackAction action = cutover.get(i);
            blocks.add(new Block.Paragraph("Cutover step " + (i + 1)
                    + (action.waves().isEmpty() ? "" : " (wave " + String.join(", ", action.waves()) + ")") + ": "
                    + describe(action) + (action instanceof RollbackAction.Sql ? ":" : "")));
            if (action instanceof RollbackAction.Sql sql) {
                blocks.add(new Block.Code(sql.sql()));
            }
        }
        List<String> facts = new ArrayList<>();
        if (!actions.isEmpty()) {
            plan.waves().forEach(w -> facts.add("Estimated rollback of wave " + w.name() + ": "
                    + HumanUnits.format(RollbackTimes.of(plan, w.name()))));
        }
        facts.addAll(List.of(
                "Old system kept readable for: " + Texts.orNone(plan.rollback().retention()),
                "Writes made on the target get back by: " + Texts.orNone(plan.rollback().reverseSync()),
                "Measured rehearsal may take at most: " + HumanUnits.format(plan.rollback().maxDurationOrDefault()),
                "Rehearsal declared in the plan (not evidence): " + (plan.rollback().rehearsal() == null ? "none"
                        : plan.rollback().rehearsal().date() + " in " + plan.rollback().rehearsal().environment()
                        + (plan.rollback().rehearsal().took() == null ? "" : ", took " + plan.rollback().rehearsal().took()))));
        blocks.add(new Block.Bullets(facts));
        return new Section("Rollback runbook", blocks);
    }

    private static String describe(RollbackAction action) {
        String what;
        if (action instanceof RollbackAction.Switch flip) {
            what = "flip switch " + flip.routingSwitch() + " to " + flip.to();
        } else if (action instanceof RollbackAction.Sql sql) {
            what = "run on connection " + sql.connection();
        } else if (action instanceof RollbackAction.Notify notify) {
            what = "post in the channel: " + notify.message();
        } else {
            RollbackAction.Webhook webhook = (RollbackAction.Webhook) action;
            what = (webhook.method() == null ? "POST" : webhook.method()) + " " + webhook.url()
                    + (webhook.secret() == null ? "" : " (signed)")
                    + (webhook.expectedStatus() == null ? "" : ", expecting " + webhook.expectedStatus());
        }
        return action.description() == null ? what : action.description() + " — " + what;
    }
}
