package dev.dimmer.projections.audit;

import static dev.dimmer.projections.MigrationEvents.ACTOR_NAME;
import static dev.dimmer.projections.MigrationEvents.AT;
import static dev.dimmer.projections.MigrationEvents.MIGRATION;
import static dev.dimmer.projections.MigrationEvents.WAVE;
import static dev.dimmer.projections.MigrationEvents.facts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.WaveFact;
import dev.dimmer.projections.EventFacts;
import dev.dimmer.projections.MigrationEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditFoldTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldFindEveryEventTypeOfTheApi() {
        List<String> types = MigrationEvents.everyType().stream().map(e -> e.getClass().getSimpleName()).toList();

        assertThat(types).hasSizeGreaterThanOrEqualTo(10).contains("MigrationRegisteredEvent", "WaveAdvancedEvent",
                "VoteCastEvent", "CommandRefusedEvent", "MigrationAbortedEvent");
    }

    @Test
    void shouldWriteOneLineWithItsProvenanceForEveryEventType() throws Exception {
        for (MigrationEvent event : MigrationEvents.everyType()) {
            String type = event.getClass().getSimpleName();

            AuditRow row = AuditFold.entry(facts(event, 41, 3));

            assertThat(row).as(type).isEqualTo(new AuditRow(41, "event-41", AT, MIGRATION,
                    event instanceof WaveFact ? WAVE : null, type, "U0ADA", ACTOR_NAME, "slack", "weekly ramp",
                    "corr-1", "cmd-1", row.payload()));
            JsonNode payload = JSON.readTree(row.payload());
            assertThat(payload.path("migrationId").asText()).as(type).isEqualTo(MIGRATION);
            assertThat(payload.path("at").asText()).as(type).isEqualTo("2026-03-01T09:00:00Z");
        }
    }

    @Test
    void shouldWriteAnEventsMapsInOneOrderWhateverOrderTheyHold() {
        // given the same figures held in two orders, as immutable maps from two JVMs may iterate them
        Map<String, Object> one = new java.util.LinkedHashMap<>();
        one.put("target_rows", 1000);
        one.put("source_rows", 1000);
        Map<String, Object> other = new java.util.LinkedHashMap<>();
        other.put("source_rows", 1000);
        other.put("target_rows", 1000);

        // when each is written as an audit line
        String first = AuditFold.entry(facts(passed(one), 41, 3)).payload();
        String second = AuditFold.entry(facts(passed(other), 41, 3)).payload();

        // then the lines are the same, so a rebuild on another node equals the live view
        assertThat(first).isEqualTo(second).contains("{\"source_rows\":1000,\"target_rows\":1000}");
    }

    private static dev.dimmer.api.evidence.ValidationPassedEvent passed(Map<String, Object> figures) {
        return new dev.dimmer.api.evidence.ValidationPassedEvent(MIGRATION, WAVE, "run-1", "orders-count",
                "row_count", "orders-count: 1,000 rows on each side", figures, Map.of(), 12, AT);
    }

    @Test
    void shouldKeepTheEventAsJson() throws Exception {
        AuditRow row = AuditFold.entry(facts(new CommandRefusedEvent(MIGRATION, "cutover customers",
                "Eve may not cut over", "U0EVE", AT, "StartCutoverCommand", "customers", "go", "slack", "Eve",
                List.of()), 42, 4));

        assertThat(row.wave()).isEqualTo("customers");
        assertThat(JSON.readTree(row.payload())).isEqualTo(JSON.readTree("""
                {"migrationId": "crm", "attempted": "cutover customers", "refusal": "Eve may not cut over",
                 "actorId": "U0EVE", "at": "2026-03-01T09:00:00Z", "command": "StartCutoverCommand",
                 "wave": "customers", "reason": "go", "channel": "slack", "actorName": "Eve", "unmet": []}"""));
    }

    @Test
    void shouldLeaveProvenanceEmptyWhenTheEventCarriesNone() {
        AuditRow row = AuditFold.entry(new EventFacts(new MigrationAbortedEvent(MIGRATION, AT), "event-43", 43, 5,
                Map.of()));

        assertThat(row).extracting(AuditRow::actorId, AuditRow::actorName, AuditRow::channel, AuditRow::reason,
                AuditRow::correlationId, AuditRow::causationId).containsOnlyNulls();
        assertThat(row.wave()).isNull();
    }
}
