package dev.dimmer.projections;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Events of one migration, with fixed ids, clock and actor, for the views' folds; and one of every event type the
 * api declares, found on the class path, so a new type cannot be left out of a fold's tests.
 */
public final class MigrationEvents {
    public static final String MIGRATION = "crm";
    public static final String WAVE = "customers";
    public static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    public static final String ACTOR_NAME = "Ada Lovelace";
    public static final Map<String, Object> PROVENANCE = Map.of(AuditMetadata.ACTOR_ID, "U0ADA",
            AuditMetadata.ACTOR_NAME, ACTOR_NAME, AuditMetadata.CHANNEL, "slack",
            AuditMetadata.REASON, "weekly ramp", AuditMetadata.CORRELATION_ID, "corr-1",
            AuditMetadata.CAUSATION_ID, "cmd-1");

    private MigrationEvents() {
    }

    public static MigrationPlan plan(String title, WavePlan... waves) {
        return new MigrationPlan(MIGRATION, title, List.of(), List.of(waves));
    }

    public static WavePlan wave(String name, List<String> dependsOn, List<Integer> canarySteps) {
        return new WavePlan(name, dependsOn, canarySteps);
    }

    /** What a fold is told of an event: at this position, leaving the migration at this version, by Ada. */
    public static EventFacts facts(MigrationEvent event, long position, long version) {
        return new EventFacts(event, "event-" + position, position, version, PROVENANCE);
    }

    /** One event of each concrete type in the api's migration and rollback packages, every field filled. */
    public static List<MigrationEvent> everyType() {
        return EveryType.EVENTS;
    }

    // scanning the class path takes a while; once per test run is enough
    private static final class EveryType {
        private static final List<MigrationEvent> EVENTS = scan();
    }

    private static List<MigrationEvent> scan() {
        return new ClassFileImporter().importPackages("dev.dimmer.api.migration", "dev.dimmer.api.rollback").stream()
                .filter(c -> c.isAssignableTo(MigrationEvent.class) && !c.isInterface())
                .map(JavaClass::reflect).sorted(Comparator.comparing(Class::getSimpleName))
                .map(MigrationEvents::sample).map(MigrationEvent.class::cast).toList();
    }

    private static Object sample(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getSimpleName() + " is not a record; give it a sample here");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static Object value(RecordComponent component) {
        Class<?> type = component.getType();
        if (component.getName().equals("migrationId")) {
            return MIGRATION;
        }
        if (component.getName().equals("wave")) {
            return WAVE;
        }
        if (type == String.class) {
            return component.getName();
        }
        if (type == Instant.class) {
            return AT;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == Duration.class) {
            return Duration.ofHours(1);
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == MigrationPlan.class) {
            return plan("CRM to PostgreSQL", wave(WAVE, List.of(), List.of(10, 50)));
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalStateException("no sample " + type.getSimpleName() + " for " + component.getName()
                + "; add one here");
    }
}
