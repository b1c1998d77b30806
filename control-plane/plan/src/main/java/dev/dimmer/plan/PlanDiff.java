package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes what changed between two revisions of a plan, one readable line per change, for the PlanRevised
 * event and the CLI. Empty exactly when the plans are equal: every field of every section is compared, secrets
 * as the {@code ${env:NAME}} references the plan holds.
 */
public final class PlanDiff {
    private PlanDiff() {
    }

    public static List<String> describe(MigrationPlan before, MigrationPlan after) {
        List<String> changes = new ArrayList<>();
        for (RecordComponent component : MigrationPlan.class.getRecordComponents()) {
            switch (component.getName()) {
                case "owners" -> owners(changes, before.owners(), after.owners());
                case "waves" -> waves(changes, before, after);
                default -> SectionDiff.value(changes, SectionDiff.yamlName(component), read(component, before),
                        read(component, after));
            }
        }
        return List.copyOf(changes);
    }

    private static void owners(List<String> changes, List<Owner> before, List<Owner> after) {
        for (Owner old : before) {
            Optional<Owner> now = after.stream().filter(o -> Objects.equals(o.id(), old.id())).findFirst();
            if (now.isEmpty()) {
                changes.add("owner " + old.name() + " (" + old.id() + ") removed");
            } else {
                SectionDiff.record(changes, "owner " + old.id() + " ", old, now.get());
            }
        }
        for (Owner added : after) {
            if (before.stream().noneMatch(o -> Objects.equals(o.id(), added.id()))) {
                changes.add("owner " + added.name() + " (" + added.id() + ") added as "
                        + (added.role() == null ? "no role" : added.role().label()));
            }
        }
        List<String> orderBefore = before.stream().map(Owner::id).filter(id -> after.stream().anyMatch(o -> Objects.equals(o.id(), id))).toList();
        List<String> orderAfter = after.stream().map(Owner::id).filter(id -> before.stream().anyMatch(o -> Objects.equals(o.id(), id))).toList();
        if (!orderBefore.equals(orderAfter)) {
            changes.add("owner order " + String.join(", ", orderBefore) + " → " + String.join(", ", orderAfter));
        }
    }

    private static void waves(List<String> changes, MigrationPlan before, MigrationPlan after) {
        for (WavePlan old : before.waves()) {
            Optional<WavePlan> now = after.wave(old.name());
            if (now.isEmpty()) {
                changes.add("wave " + old.name() + " removed");
            } else {
                SectionDiff.record(changes, "wave " + old.name() + ": ", old, now.get());
            }
        }
        for (WavePlan added : after.waves()) {
            if (before.wave(added.name()).isEmpty()) {
                changes.add("wave " + added.name() + " added");
            }
        }
        List<String> orderBefore = before.waves().stream().map(WavePlan::name).filter(n -> after.wave(n).isPresent()).toList();
        List<String> orderAfter = after.waves().stream().map(WavePlan::name).filter(n -> before.wave(n).isPresent()).toList();
        if (!orderBefore.equals(orderAfter)) {
            changes.add("wave order " + String.join(", ", orderBefore) + " → " + String.join(", ", orderAfter));
        }
    }

    private static Object read(RecordComponent component, MigrationPlan plan) {
        try {
            return component.getAccessor().invoke(plan);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a plan", e);
        }
    }
}
