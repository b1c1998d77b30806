package dev.dimmer.api.status;

/**
 * Another node on the database says it appended events (PostgreSQL NOTIFY): what follows the log on this node
 * reads it now rather than at its next poll. Published in the node's own application context, never stored.
 */
public record LogGrewElsewhere() {
    public static final LogGrewElsewhere NOW = new LogGrewElsewhere();
}
