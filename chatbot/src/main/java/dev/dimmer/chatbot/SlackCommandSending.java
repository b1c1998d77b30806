package dev.dimmer.chatbot;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RecordRefusalCommand;
import dev.dimmer.api.migration.RejectionCode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a domain command on behalf of a Slack user, through the same command bus (and role check) as the API.
 * A refusal becomes a {@link SlackRefusal} with the domain's reason; a refusal for want of a role is also put on
 * the migration's record. Every refusal spends from the sender's {@link RefusalBudget}; with it spent, nothing is
 * sent at all.
 */
@Singleton
public class SlackCommandSending {
    private static final Logger LOG = LoggerFactory.getLogger(SlackCommandSending.class);
    private final CommandGateway gateway;
    private final Clock clock;
    private final RefusalBudget budget;

    public SlackCommandSending(CommandGateway gateway, Clock clock, RefusalBudget budget) {
        this.gateway = gateway;
        this.clock = clock;
        this.budget = budget;
    }

    /**
     * @param attempted what the person tried, in words ({@code cutover customers}), for the audit trail
     */
    <R> R send(String migrationId, String attempted, Actor actor, String reason, Function<Provenance, Object> command) {
        budget.requireOpen(actor.id());
        Provenance provenance = new Provenance(actor, Channel.SLACK, reason, clock.instant());
        try {
            return this.<R>await(command.apply(provenance));
        } catch (CommandRejectedException rejected) {
            budget.spend(actor.id());
            if (rejected.code() == RejectionCode.FORBIDDEN) {
                recordRefusal(migrationId, attempted, rejected.getMessage(), provenance);
            }
            throw new SlackRefusal(rejected.getMessage());
        } catch (AggregateNotFoundException missing) {
            budget.spend(actor.id());
            throw new SlackRefusal("there is no migration '" + migrationId + "'; /migration list shows them");
        }
    }

    private void recordRefusal(String migrationId, String attempted, String refusal, Provenance provenance) {
        try {
            // the record keeps what was tried and why it was refused; a stranger's text is cut, never kept whole
            Provenance kept = new Provenance(provenance.actor(), provenance.channel(),
                    SlackText.clip(provenance.reason(), SlackText.QUOTE), provenance.at());
            await(new RecordRefusalCommand(migrationId, SlackText.clip(attempted, 200), refusal, kept));
        } catch (RuntimeException e) {
            LOG.warn("could not record the refusal of {} by {} on {}: {}", attempted, provenance.actor().id(),
                    migrationId, e.getMessage());
        }
    }

    private <R> R await(Object command) {
        try {
            return gateway.<R>send(command).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackRefusal("interrupted while waiting for the control plane; try again");
        } catch (TimeoutException e) {
            throw new SlackRefusal("the control plane did not answer within 30s; check /migration status");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
