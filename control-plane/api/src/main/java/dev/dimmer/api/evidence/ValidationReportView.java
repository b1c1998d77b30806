package dev.dimmer.api.evidence;

import java.util.List;

/** The validation report of a migration: per wave, the latest result of each of its validations. */
public record ValidationReportView(String migration, List<Wave> waves) {
    public ValidationReportView {
        waves = List.copyOf(waves);
    }

    public record Wave(String name, List<ValidationLatestView> validations) {
        public Wave {
            validations = List.copyOf(validations);
        }
    }
}
