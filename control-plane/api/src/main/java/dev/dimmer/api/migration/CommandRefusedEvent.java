package dev.dimmer.api.migration;

import java.time.Instant;
import java.util.List;

/**
 * Someone tried something and was refused: who (also in the event's metadata, with the channel and when), what
 * (the command's type and wave, and in words), the reason they gave and every condition the command did not meet.
 * Recorded by the command bus after the refused command rolled back; it changes nothing about the migration.
 * Events stored before the command, wave, reason, channel, actor name and unmet fields existed read them as null.
 *
 * @param attempted what was tried, in the CLI's words, e.g. {@code cutover customers}
 * @param refusal   the refusal the person saw
 * @param command   the command's type without the suffix, e.g. {@code StartCutover}
 * @param wave      the wave the command addressed, or null
 * @param reason    the reason the person gave, clipped to {@value #REASON_LIMIT} characters
 */
public record CommandRefusedEvent(String migrationId, String attempted, String refusal, String actorId,
                                  Instant at, String command, String wave, String reason, String channel,
                                  String actorName, List<UnmetCondition> unmet) implements WaveFact {
    public static final int REASON_LIMIT = 500;

    /** The shape of the first refusals on record: what was tried, the refusal and who. */
    public CommandRefusedEvent(String migrationId, String attempted, String refusal, String actorId, Instant at) {
        this(migrationId, attempted, refusal, actorId, at, null, null, null, null, null, null);
    }
}
