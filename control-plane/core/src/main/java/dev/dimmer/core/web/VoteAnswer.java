package dev.dimmer.core.web;

import io.micronaut.core.annotation.Introspected;

/** What a ballot left behind: whether the wave's go/no-go has passed. */
@Introspected
public record VoteAnswer(String migrationId, String wave, String vote, boolean passed) {
}
