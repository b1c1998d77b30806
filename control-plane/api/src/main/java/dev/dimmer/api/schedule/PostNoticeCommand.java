package dev.dimmer.api.schedule;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.MigrationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts something the scheduler found due on the migration's record (and so in its thread): a hold that ended, a
 * wave ready to decommission, a reminder, a digest.
 *
 * @param wave the wave it is about, or null for the whole migration (a digest)
 * @param due  when the thing was due (a hold's end, a digest's slot): one notice per kind, wave and due time
 */
public record PostNoticeCommand(@TargetAggregateIdentifier String migrationId, String wave, DueKind kind, String text,
                                java.time.Instant due, Provenance provenance) implements MigrationCommand {
    /** What makes a notice the same notice: its kind, wave and due time. */
    public String noticeKey() {
        return kind.label() + ":" + (wave == null ? "" : wave) + ":" + due;
    }
}
