package dev.dimmer.deploy.page;

/** The audit page's filters, each null when not set; {@code from} and {@code to} are ISO dates or instants. */
public record AuditFilter(String who, String what, String wave, String channel, String from, String to) {
}
