package dev.dimmer.chatbot;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.dispatch.Caller;
import dev.dimmer.api.dispatch.Dispatch;
import dev.dimmer.api.dispatch.Outcome;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.RejectionCode;
import jakarta.inject.Singleton;
import java.util.function.Function;

/**
 * The Slack adapter over the one {@link Dispatch}: the same bus, role gate and refusal record as the API, with the
 * Slack user as actor. A refusal becomes a {@link SlackRefusal} with the domain's reason and spends from the
 * sender's {@link RefusalBudget}; with it spent, nothing is sent at all.
 */
@Singleton
public class SlackCommandSending {
    private final Dispatch dispatch;
    private final RefusalBudget budget;

    public SlackCommandSending(Dispatch dispatch, RefusalBudget budget) {
        this.dispatch = dispatch;
        this.budget = budget;
    }

    <R> R send(Actor actor, String reason, Function<Provenance, ? extends MigrationCommand> command) {
        budget.requireOpen(actor.id());
        Outcome<R> outcome = dispatch.send(Caller.of(actor, Channel.SLACK), reason, command);
        if (outcome instanceof Outcome.Done<R> done) {
            return done.result();
        }
        if (outcome instanceof Outcome.Refused<R> refused) {
            budget.spend(actor.id());
            if (refused.refusal().code() == RejectionCode.UNKNOWN_MIGRATION) {
                String id = command.apply(new Provenance(actor, Channel.SLACK, reason, java.time.Instant.EPOCH))
                        .migrationId();
                throw new SlackRefusal("there is no migration '" + id + "'; /migration list shows them");
            }
            throw new SlackRefusal(refused.refusal().getMessage());
        }
        throw new SlackRefusal("the control plane could not tell whether that was stored; check /migration status "
                + "before trying again");
    }
}
