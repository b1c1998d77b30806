package dev.dimmer.core.rollback;

import dev.dimmer.api.plan.RollbackAction;

/**
 * What each kind of step does, in one place. A switch step is done the moment its event exists (the routing
 * switches are a projection of the wave's phase); a notify step's message goes out with its event, through the
 * channel notifier's outbox, so it is posted once; SQL and webhooks do their work here.
 */
public final class StepActions {
    private final SqlStep sql;
    private final WebhookStep webhook;

    StepActions(SqlStep sql, WebhookStep webhook) {
        this.sql = sql;
        this.webhook = webhook;
    }

    public StepResult run(RollbackAction action, StepContext context) {
        long started = System.nanoTime();
        if (action instanceof RollbackAction.Switch s) {
            return StepResult.succeeded("switch " + s.routingSwitch() + " → " + s.to(), started);
        }
        if (action instanceof RollbackAction.Notify n) {
            return StepResult.succeeded(n.message() == null ? "" : n.message(), started);
        }
        if (action instanceof RollbackAction.Sql s) {
            return sql.run(s, context);
        }
        return webhook.run((RollbackAction.Webhook) action, context);
    }
}
