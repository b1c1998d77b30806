package dev.dimmer.api.actor;

/**
 * Through what a command reached Dimmer. {@code AUTOMATION} is Dimmer acting on its own evidence: the validation
 * runner reporting results, a guard rolling a wave back, the rollback executor reporting its steps.
 */
public enum Channel {
    API, CLI, SLACK, SCHEDULER, AUTOMATION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Channel parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
