package dev.dimmer.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.core.axon.AxonJson;
import dev.dimmer.core.plan.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

/**
 * Events and snapshots in the store were written by earlier versions of Dimmer. The payloads under
 * {@code events/} are byte for byte what the 2026-12-01 format wrote for the plan {@code events/plan-2026-12-01.yaml};
 * they must load into the plan that file loads to today. Never regenerate them: add a new dated pair instead.
 */
class StoredFormatTest {
    private static final Serializer SERIALIZER = AxonJson.serializer();

    @Test
    void shouldLoadAMigrationRegisteredEventWrittenOn20261201() {
        // given the stored payload of a MigrationRegisteredEvent
        byte[] payload = resource("events/migration-registered-2026-12-01.json");

        // when it is deserialised as the event store does
        MigrationRegisteredEvent event = SERIALIZER.deserialize(stored(payload, MigrationRegisteredEvent.class));

        // then the plan is the one its YAML loads to, kind by kind
        assertThat(event.migrationId()).isEqualTo("stored-format");
        assertThat(event.at()).isEqualTo(MigrationFixtures.T0);
        assertThat(event.plan()).isEqualTo(planOfToday());
        assertStoredPlan(event.plan());
    }

    @Test
    void shouldLoadASnapshotOfTheMigrationWrittenOn20261201() throws IOException {
        // given the stored snapshot of a migration with a wave in canary and a passed go/no-go
        byte[] payload = resource("events/migration-snapshot-2026-12-01.json");

        // when it is deserialised as the snapshotter does
        Migration migration = SERIALIZER.deserialize(stored(payload, Migration.class));

        // then the aggregate holds the same plan and wave state
        ObjectMapper json = AxonJson.mapper();
        JsonNode restored = json.readTree(json.writeValueAsBytes(migration));
        assertThat(json.treeToValue(restored.get("plan"), MigrationPlan.class)).isEqualTo(planOfToday());
        assertThat(restored.at("/waves/customers/phase").asText()).isEqualTo("CANARY");
        assertThat(restored.at("/waves/customers/weight").asInt()).isEqualTo(50);
        assertThat(restored.at("/waves/customers/goNoGo/ballots").size()).isEqualTo(2);
        assertThat(GoNoGoPolicy.quorum(json.treeToValue(restored.get("plan"), MigrationPlan.class), "customers"))
                .extracting(a -> a.role().label() + " " + a.count()).containsExactly("approver 2", "lead 1");
    }

    private static void assertStoredPlan(MigrationPlan plan) {
        assertThat(plan.validations()).extracting(v -> v.name()).containsExactly("orders-row-count", "orders-checksum",
                "daily-revenue", "orders-pk-unique", "email-nulls", "orders-fresh", "open-items");
        assertThat(plan.gates()).extracting(g -> g.name()).containsExactly("shadow-entry", "canary-entry", "go-no-go", "retire");
        assertThat(plan.rollback().actions()).hasSize(3);
        assertThat(plan.windows().freezes()).hasSize(2);
        assertThat(GoNoGoPolicy.expiry(plan, "orders")).hasHours(24);
    }

    private static MigrationPlan planOfToday() {
        String yaml = new String(resource("events/plan-2026-12-01.yaml"), StandardCharsets.UTF_8);
        var loaded = new PlanLoader().load("plan-2026-12-01.yaml", yaml);
        assertThat(loaded.problems()).isEmpty();
        return loaded.plan();
    }

    private static SerializedObject<byte[]> stored(byte[] payload, Class<?> type) {
        return new SimpleSerializedObject<>(payload, byte[].class, new SimpleSerializedType(type.getName(), null));
    }

    private static byte[] resource(String name) {
        try (InputStream in = StoredFormatTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
