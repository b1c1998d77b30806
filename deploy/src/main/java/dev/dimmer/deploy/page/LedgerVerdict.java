package dev.dimmer.deploy.page;

/** What verifying a trail found, in words: {@code firstPosition} is the trail's position of the first problem, or -1. */
public record LedgerVerdict(boolean intact, String headline, String detail, long firstPosition) {
}
