package dev.dimmer.api.plan;

/** Days (ISO dates, both inclusive) on which no cutover may happen, and why. */
public record Freeze(String from, String to, String reason) {
}
