package dev.dimmer.core.plan;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes what changed between two revisions of a plan, one readable line per change, for the PlanRevised
 * event and the CLI. Empty when the plans are equal.
 */
public final class PlanDiff {
    private PlanDiff() {
    }

    public static List<String> describe(MigrationPlan before, MigrationPlan after) {
        List<String> changes = new ArrayList<>();
        Changes.value(changes, "slug", before.slug(), after.slug());
        Changes.value(changes, "title", before.title(), after.title());
        Changes.value(changes, "objective", before.objective(), after.objective());
        SectionDiff.record(changes, "scope", before.scope(), after.scope());
        owners(changes, before.owners(), after.owners());
        waves(changes, before, after);
        SectionDiff.record(changes, "slos", before.slos(), after.slos());
        SectionDiff.record(changes, "inventory", before.inventory(), after.inventory());
        SectionDiff.record(changes, "strategy", before.strategy(), after.strategy());
        SectionDiff.value(changes, "connections", before.connections(), after.connections());
        SectionDiff.value(changes, "validations", before.validations(), after.validations());
        SectionDiff.value(changes, "gates", before.gates(), after.gates());
        SectionDiff.record(changes, "windows", before.windows(), after.windows());
        SectionDiff.record(changes, "rollback", before.rollback(), after.rollback());
        SectionDiff.record(changes, "readiness", before.readiness(), after.readiness());
        SectionDiff.record(changes, "communication", before.communication(), after.communication());
        SectionDiff.value(changes, "risks", before.risks(), after.risks());
        return List.copyOf(changes);
    }

    private static void owners(List<String> changes, List<Owner> before, List<Owner> after) {
        for (Owner old : before) {
            Optional<Owner> now = after.stream().filter(o -> Objects.equals(o.id(), old.id())).findFirst();
            if (now.isEmpty()) {
                changes.add("owner " + old.name() + " (" + old.id() + ") removed");
            } else if (!now.get().equals(old)) {
                Changes.value(changes, "owner " + old.id() + " name", old.name(), now.get().name());
                Changes.value(changes, "owner " + old.id() + " role", label(old), label(now.get()));
            }
        }
        for (Owner added : after) {
            if (before.stream().noneMatch(o -> Objects.equals(o.id(), added.id()))) {
                changes.add("owner " + added.name() + " (" + added.id() + ") added as " + label(added));
            }
        }
    }

    private static String label(Owner owner) {
        return owner.role() == null ? "no role" : owner.role().label();
    }

    private static void waves(List<String> changes, MigrationPlan before, MigrationPlan after) {
        for (WavePlan old : before.waves()) {
            Optional<WavePlan> now = after.wave(old.name());
            if (now.isEmpty()) {
                changes.add("wave " + old.name() + " removed");
            } else {
                WaveDiff.describe(changes, old, now.get());
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
}
