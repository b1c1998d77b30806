package dev.dimmer.core.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** The body of a go/no-go ballot: approve or reject, and for a reject why. */
@Introspected
public record VoteRequest(@Nullable String vote, @Nullable String comment) {
}
