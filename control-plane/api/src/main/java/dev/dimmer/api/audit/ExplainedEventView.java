package dev.dimmer.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** The event an explanation is about: where it stands in the log, what it is, who acted, through what and why. */
public record ExplainedEventView(String id, long position, long version, String type, Instant at, String wave,
                                 String actorId, String actorName, String channel, String reason,
                                 @JsonRawValue String payload) {
}
