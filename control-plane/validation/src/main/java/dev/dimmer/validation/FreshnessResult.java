package dev.dimmer.validation;

import java.time.Duration;
import java.time.Instant;

/** freshness: the newest timestamp (null for an empty table), its lag behind now, and the lag allowed. */
public record FreshnessResult(boolean passed, Instant latest, Duration lag, Duration tolerance) {
}
