package dev.dimmer.projections.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.evidence.ValidationResultEvent;
import dev.dimmer.api.evidence.ValidationRunCompletedEvent;
import dev.dimmer.api.evidence.ValidationRunRequestedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.projections.EventFacts;
import dev.dimmer.projections.Views;
import dev.dimmer.projections.jdbc.Insert;
import dev.dimmer.projections.jdbc.StatementBatch;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The validation report's tables, kept by the views' processor beside the status board and the audit trail (so a
 * rebuild rebuilds them too): each wave's validations from the current plan, every run and every result. Rows are
 * keyed by run and validation, so a replay adds nothing twice.
 */
@Singleton
@ProcessingGroup(Views.GROUP)
public class EvidenceProjection {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(
            new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
    private static final Insert RUN = Insert.into("validation_run").text("run_id").text("migration_id").text("wave")
            .text("validations").timestamptz("requested_at").text("requested_by").text("channel")
            .bigint("position");
    private static final Insert RESULT = Insert.into("validation_result").text("migration_id").text("run_id")
            .text("validation").text("wave").text("kind").text("status").text("summary").json("figures")
            .json("differences").bigint("duration_ms").timestamptz("at").bigint("position");
    private static final Insert PLANNED = Insert.into("validation_plan").text("migration_id").text("wave")
            .bigint("ordinal").text("validation").text("kind");
    private static final String COMPLETED = """
            UPDATE validation_run SET completed_at = ?, passed = ?, failed = ?, errored = ?, duration_ms = ?
             WHERE migration_id = ? AND run_id = ?""";
    private final RunCompletions completions;
    private final ConnectionProvider connections;

    public EvidenceProjection(ConnectionProvider connections, RunCompletions completions) {
        this.connections = connections;
        this.completions = completions;
    }

    @EventHandler
    void on(MigrationRegisteredEvent event) {
        planned(event.migrationId(), event.plan());
    }

    @EventHandler
    void on(PlanRevisedEvent event) {
        planned(event.migrationId(), event.plan());
    }

    @EventHandler
    void on(ValidationRunRequestedEvent event, EventMessage<?> message) {
        EventFacts facts = EventFacts.of(event, message);
        StatementBatch.insert(this, connections, RUN.row(event.runId(), event.migrationId(), event.wave(),
                String.join(",", event.validations()), event.at(), facts.actorName(),
                facts.provenance().channel(), facts.position()));
    }

    @EventHandler
    void on(ValidationResultEvent event, EventMessage<?> message) {
        StatementBatch.insert(this, connections, RESULT.row(event.migrationId(), event.runId(), event.validation(),
                event.wave(), event.kind(), event.status().label(), event.summary(), json(event.figures()),
                json(event.differences()), event.durationMillis(), event.at(), EventFacts.of(event, message)
                        .position()));
    }

    @EventHandler
    void on(ValidationRunCompletedEvent event) {
        completions.completed();
        StatementBatch.write(this, connections, COMPLETED, s -> {
            s.setTimestamp(1, Timestamp.from(event.at()));
            s.setInt(2, event.passed());
            s.setInt(3, event.failed());
            s.setInt(4, event.errored());
            s.setLong(5, event.durationMillis());
            s.setString(6, event.migrationId());
            s.setString(7, event.runId());
        });
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("validation_result", "validation_run", "validation_plan")) {
            StatementBatch.write(this, connections, "DELETE FROM " + table, s -> {
            });
        }
    }

    private void planned(String migration, MigrationPlan plan) {
        StatementBatch.write(this, connections, "DELETE FROM validation_plan WHERE migration_id = ?",
                s -> s.setString(1, migration));
        for (WavePlan wave : plan.waves()) {
            List<ValidationPlan> validations = plan.validationsOf(wave.name());
            for (int i = 0; i < validations.size(); i++) {
                StatementBatch.insert(this, connections, PLANNED.row(migration, wave.name(), (long) i,
                        validations.get(i).name(), validations.get(i).kind()));
            }
        }
    }

    static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values == null ? Map.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures that are not JSON: " + e.getOriginalMessage(), e);
        }
    }

}
