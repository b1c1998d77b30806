package dev.dimmer.api.actor;

/** Through what a command reached Dimmer. */
public enum Channel {
    API, CLI, SLACK, SCHEDULER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Channel parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
