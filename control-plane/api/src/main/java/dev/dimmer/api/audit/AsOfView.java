package dev.dimmer.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The point a replayed answer stands at: an instant or a position of the log (whichever was asked for), and how many
 * of the migration's events were replayed to reach it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AsOfView(Instant instant, Long position, long events) {
}
