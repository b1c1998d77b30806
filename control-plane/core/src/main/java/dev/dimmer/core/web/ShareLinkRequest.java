package dev.dimmer.core.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** The body of a new share link: how long it stays open (e.g. {@code 7d}, at most 90 days) and why. */
@Introspected
public record ShareLinkRequest(@Nullable String expires, @Nullable String reason) {
}
