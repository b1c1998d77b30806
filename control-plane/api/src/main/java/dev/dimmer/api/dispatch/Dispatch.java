package dev.dimmer.api.dispatch;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.MigrationCommand;
import java.util.function.Function;

/**
 * The one way in for commands, whatever the edge (HTTP, Slack, the scheduler, the runners): who asks, why, and the
 * command to build from the provenance the dispatch stamps (the caller's actor with its roles on the migration, the
 * channel, the reason, the time of one clock). Every refusal is put on the migration's record by the bus.
 */
public interface Dispatch {
    /** @param <R> what the command's handler answers (a {@code WaveState}, a {@code GoNoGoState}, ...) */
    <R> Outcome<R> send(Caller caller, String reason, Function<Provenance, ? extends MigrationCommand> command);
}
