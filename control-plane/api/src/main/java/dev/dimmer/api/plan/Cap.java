package dev.dimmer.api.plan;

/** A named limit, e.g. {@code p95 read latency} at most {@code 250ms}. */
public record Cap(String name, String limit) {
}
