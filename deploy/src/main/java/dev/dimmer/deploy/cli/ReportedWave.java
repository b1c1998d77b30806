package dev.dimmer.deploy.cli;

import java.util.List;

/** The validations of one wave, in the order they ran. */
public record ReportedWave(String name, List<ReportedCheck> validations) {
    public ReportedWave {
        validations = List.copyOf(validations);
    }
}
