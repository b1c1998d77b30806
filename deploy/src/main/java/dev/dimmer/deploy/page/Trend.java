package dev.dimmer.deploy.page;

/**
 * A validation's figures over time: one column per numeric figure, one row per result. The table is the chart's
 * data and what readers without JavaScript see.
 */
public record Trend(String id, String validation, String wave, java.util.List<String> series, java.util.List<TrendRow> rows) {
}
