package dev.dimmer.api.plan;

/** A group or person kept informed: who, and how to reach them (a channel, a Slack id or an address). */
public record Stakeholder(String name, String contact) {
}
