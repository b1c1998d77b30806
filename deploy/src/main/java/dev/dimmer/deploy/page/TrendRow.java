package dev.dimmer.deploy.page;

/** One result of a trend: when, its status and each series' value as text (empty when absent). */
public record TrendRow(java.time.Instant at, String status, java.util.List<String> values) {
}
