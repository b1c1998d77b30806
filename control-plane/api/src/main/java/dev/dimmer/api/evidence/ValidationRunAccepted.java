package dev.dimmer.api.evidence;

import java.util.List;

/** A validation run was requested: its id and the validations it will run, in plan order. */
public record ValidationRunAccepted(String migrationId, String wave, String runId, List<String> validations) {
    public ValidationRunAccepted {
        validations = List.copyOf(validations);
    }
}
