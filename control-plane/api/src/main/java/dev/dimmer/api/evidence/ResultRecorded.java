package dev.dimmer.api.evidence;

/**
 * What recording a result did: {@code recorded} is false when the run already had this validation's result (a
 * runner that resumed after a crash); {@code rolledBack} when a guard's failure rolled the wave back.
 */
public record ResultRecorded(String runId, String validation, boolean recorded, boolean rolledBack, boolean runCompleted) {
}
