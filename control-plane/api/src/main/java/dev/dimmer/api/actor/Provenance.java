package dev.dimmer.api.actor;

import java.time.Instant;
import java.util.Objects;

/**
 * Who asked, through what, why and when. Every command carries one; it becomes the metadata of the events the
 * command causes. The timestamp is the command's: aggregates never read a clock.
 */
public record Provenance(Actor actor, Channel channel, String reason, Instant at) {
    public Provenance {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason.strip();
    }
}
