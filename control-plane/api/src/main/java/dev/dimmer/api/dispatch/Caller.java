package dev.dimmer.api.dispatch;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who sends a command and how: the actor, the channel it came through, the conversation it belongs to (a CI run id,
 * or null for the command's own id), and for a safe retry or a version check an idempotency key and the migration
 * version the caller saw (both null when not given).
 */
public record Caller(Actor actor, Channel channel, String correlationId, String idempotencyKey,
                     Long expectedVersion) {
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        correlationId = correlationId == null || correlationId.isBlank() ? null : correlationId;
        if (correlationId != null && !CORRELATION.matcher(correlationId).matches()) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, "a correlation id may hold up to 100 "
                    + "letters, digits and . _ : / -, e.g. the CI run id");
        }
    }

    public static Caller of(Actor actor, Channel channel) {
        return new Caller(actor, channel, null, null, null);
    }
}
