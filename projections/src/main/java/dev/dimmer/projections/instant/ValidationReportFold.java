package dev.dimmer.projections.instant;

import dev.dimmer.api.evidence.ValidationLatestView;
import dev.dimmer.api.evidence.ValidationReportView;
import dev.dimmer.api.evidence.ValidationResultEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation report as the live one shows it (EvidenceQueries), folded from the events: the plan's validations
 * of each wave with the latest result of each by log order, and results' ages as of the point replayed.
 */
final class ValidationReportFold {
    private final String migration;
    private MigrationPlan plan;
    private final Map<String, ValidationResultEvent> latest = new HashMap<>();

    ValidationReportFold(String migration) {
        this.migration = migration;
    }

    void apply(MigrationEvent event) {
        if (event instanceof MigrationRegisteredEvent registered) {
            plan = registered.plan();
        } else if (event instanceof PlanRevisedEvent revised) {
            plan = revised.plan();
        } else if (event instanceof ValidationResultEvent result) {
            latest.put(result.validation(), result);
        }
    }

    ValidationReportView view(Instant asOf) {
        if (plan == null) {
            return new ValidationReportView(migration, List.of());
        }
        return new ValidationReportView(migration, plan.waves().stream().map(WavePlan::name)
                .map(wave -> new ValidationReportView.Wave(wave, plan.validationsOf(wave).stream()
                        .map(v -> latest(v, asOf)).toList()))
                .toList());
    }

    private ValidationLatestView latest(ValidationPlan validation, Instant asOf) {
        ValidationResultEvent r = latest.get(validation.name());
        if (r == null) {
            return new ValidationLatestView(validation.name(), validation.kind(), "never", null, null, null, null,
                    Map.of(), Map.of(), null);
        }
        return new ValidationLatestView(validation.name(), r.kind(), r.status().label(), r.at(), r.runId(),
                asOf == null ? null : Math.max(0, Duration.between(r.at(), asOf).toSeconds()), r.summary(),
                r.figures(), r.differences(), r.durationMillis());
    }
}
