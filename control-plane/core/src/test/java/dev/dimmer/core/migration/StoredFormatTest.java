package dev.dimmer.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.core.axon.AxonJson;
import dev.dimmer.plan.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        assertThat(GoNoGoPolicy.quorum(json.treeToValue(restored.get("plan"), MigrationPlan.class), "customers",
                dev.dimmer.api.migration.Phase.CUTOVER))
                .extracting(a -> a.role().label() + " " + a.count()).containsExactly("approver 2", "lead 1");
    }

    private static void assertStoredPlan(MigrationPlan plan) {
        assertThat(plan.validations()).extracting(v -> v.name()).containsExactly("orders-row-count", "orders-checksum",
                "daily-revenue", "orders-pk-unique", "email-nulls", "orders-fresh", "open-items");
        assertThat(plan.gates()).extracting(g -> g.name()).containsExactly("shadow-entry", "canary-entry", "go-no-go", "retire");
        assertThat(plan.rollback().actions()).hasSize(3);
        assertThat(plan.windows().freezes()).hasSize(2);
        assertThat(GoNoGoPolicy.expiry(plan, "orders", dev.dimmer.api.migration.Phase.CUTOVER)).hasHours(24);

        assertThat(plan.validations()).extracting(v -> v.getClass().getSimpleName()).containsExactly("RowCount",
                "Checksum", "Aggregate", "PkUniqueness", "NullRate", "Freshness", "CustomSql");
        ValidationPlan.Checksum checksum = (ValidationPlan.Checksum) plan.validations().get(1);
        assertThat(checksum.columns()).containsExactly("order_id", "status", "total_amount");
        assertThat(checksum.every().value()).isEqualTo(Duration.ofHours(1));
        ValidationPlan.Aggregate revenue = (ValidationPlan.Aggregate) plan.validations().get(2);
        assertThat(revenue.tolerance().value()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(revenue.groupBy()).containsExactly("order_date");
        assertThat(((ValidationPlan.Freshness) plan.validations().get(5)).maxLag().value()).isEqualTo(Duration.ofSeconds(30));
        assertThat(((ValidationPlan.CustomSql) plan.validations().get(6)).targetSql()).contains("status = 'open'");

        assertThat(plan.gates()).extracting(Gate::before)
                .containsExactly(Phase.SHADOW, Phase.CANARY, Phase.CUTOVER, Phase.DECOMMISSIONED);
        assertThat(plan.rollback().actions()).extracting(RollbackAction::kind).containsExactly("switch", "http", "sql");
        RollbackAction.Switch flip = (RollbackAction.Switch) plan.rollback().actions().get(0);
        assertThat(flip.routingSwitch()).isEqualTo("orders-read-path");
        assertThat(flip.estimate().value()).isEqualTo(Duration.ofSeconds(10));
        assertThat(((RollbackAction.Webhook) plan.rollback().actions().get(1)).url()).startsWith("https://deploy.internal/");
        assertThat(((RollbackAction.Sql) plan.rollback().actions().get(2)).connection()).isEqualTo("target");
        assertThat(plan.wave("orders").orElseThrow().hold().value()).isEqualTo(Duration.ofMinutes(90));
        assertThat(plan.windows().cutover().duration().value()).isEqualTo(Duration.ofHours(3));
        assertThat(plan.communication().cadence().get("canary").value()).isEqualTo(Duration.ofHours(12));
        assertThat(plan.inventory().datasets().get(1).sla().availability().value()).isEqualByComparingTo("99.95");
    }

    @Test
    void shouldWriteThePlanInTheShapeItWasStoredIn() throws IOException {
        // given the stored payload, and the event it loads to
        byte[] payload = resource("events/migration-registered-2026-12-01.json");
        MigrationRegisteredEvent event = SERIALIZER.deserialize(stored(payload, MigrationRegisteredEvent.class));

        // when the event is written again
        byte[] written = SERIALIZER.serialize(event, byte[].class).getData();

        // then every value is where it was, under the same name and kind; only fields a kind never had are gone
        ObjectMapper json = AxonJson.mapper();
        assertThat(withoutEmpty(json.readTree(written))).isEqualTo(withoutEmpty(json.readTree(payload)));
    }

    /**
     * The JSON without nulls, empty lists, empty objects and false flags, which readers take as absent either way
     * (a flag added later, such as a validation's {@code guard}, reads as false from a payload that lacks it).
     */
    private static JsonNode withoutEmpty(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue().isContainerNode() ? withoutEmpty(field.getValue()) : field.getValue();
                if (!value.isNull() && !(value.isContainerNode() && value.isEmpty())
                        && !(value.isBoolean() && !value.booleanValue())) {
                    copy.set(field.getKey(), value);
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(withoutEmpty(item)));
            return copy;
        }
        return node;
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
