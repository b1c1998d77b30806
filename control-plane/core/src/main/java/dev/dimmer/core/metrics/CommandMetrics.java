package dev.dimmer.core.metrics;

import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.core.axon.IdempotencyKeyTakenException;
import dev.dimmer.core.axon.OutcomeUnknownException;
import dev.dimmer.core.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Counts every command the bus handles on this node, by its type and how it ended, every refusal by its code, and
 * times each one from the moment the bus took it to its answer. Labels are closed sets: command classes, outcomes,
 * rejection codes; never a migration, a reason or a key.
 */
@Singleton
public final class CommandMetrics implements MessageMonitor<CommandMessage<?>> {
    static final String COMMANDS = "dimmer.commands";
    static final String REFUSALS = "dimmer.command.refusals";
    static final String DURATION = "dimmer.command.duration";
    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(CommandMessage<?> message) {
        String type = message.getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(registry);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                done(type, "done", sample);
            }

            @Override
            public void reportFailure(Throwable cause) {
                String outcome = outcome(cause);
                if (outcome.equals("refused")) {
                    Counter.builder(REFUSALS).description("commands refused, by rejection code")
                            .tag("code", code(cause)).register(registry).increment();
                }
                done(type, outcome, sample);
            }

            @Override
            public void reportIgnored() {
                done(type, "ignored", sample);
            }
        };
    }

    private void done(String type, String outcome, Timer.Sample sample) {
        Counter.builder(COMMANDS).description("commands handled by this node, by type and outcome")
                .tag("type", type).tag("outcome", outcome).register(registry).increment();
        sample.stop(Timer.builder(DURATION).description("time from the bus taking a command to its answer")
                .tag("type", type).register(registry));
    }

    /** done, refused, conflict (another command won the race), duplicate, unknown (commit in doubt) or error. */
    static String outcome(Throwable cause) {
        if (cause instanceof CommandRejectedException || cause instanceof AggregateNotFoundException) {
            return "refused";
        }
        if (cause instanceof ConflictingModificationException) {
            return "conflict";
        }
        if (cause instanceof IdempotencyKeyTakenException) {
            return "duplicate";
        }
        if (cause instanceof OutcomeUnknownException) {
            return "unknown";
        }
        return "error";
    }

    private static String code(Throwable cause) {
        return cause instanceof CommandRejectedException refusal ? Problems.label(refusal.code()) : "unknown-migration";
    }
}
