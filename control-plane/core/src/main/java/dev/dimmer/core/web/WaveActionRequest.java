package dev.dimmer.core.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** The body of a wave or migration action: why, and for canary moves the weight wanted. */
@Introspected
public record WaveActionRequest(@Nullable String reason, @Nullable Integer weight) {
}
