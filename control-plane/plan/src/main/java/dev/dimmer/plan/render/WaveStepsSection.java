package dev.dimmer.plan.render;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;

/** Phase-by-phase steps for each wave, in dependency order, with the gates that guard each phase. */
final class WaveStepsSection {
    private WaveStepsSection() {
    }

    static Section build(MigrationPlan plan) {
        List<Block> blocks = new ArrayList<>();
        List<WavePlan> ordered = WaveOrder.of(plan.waves());
        blocks.add(new Block.Paragraph("Wave order: " + String.join(" → ", ordered.stream().map(WavePlan::name).toList())
                + ". A wave cuts over only when every wave it depends on is in stabilization."));
        for (WavePlan wave : ordered) {
            blocks.add(new Block.Heading("Wave " + wave.name() + (wave.description() == null ? "" : ": " + wave.description())));
            blocks.add(new Block.Steps(steps(plan, wave)));
        }
        return new Section("Phase-by-phase steps", blocks);
    }

    private static List<String> steps(MigrationPlan plan, WavePlan wave) {
        String switchName = wave.routingSwitch() == null ? "(no routing switch named)" : wave.routingSwitch();
        List<String> checks = plan.validations().stream().filter(v -> appliesTo(v, wave)).map(ValidationPlan::name).toList();
        List<String> steps = new ArrayList<>();
        if (!wave.dependsOn().isEmpty()) {
            steps.add("Before starting: confirm " + (wave.dependsOn().size() == 1 ? "wave " + wave.dependsOn().get(0)
                    + " is" : "waves " + Texts.and(wave.dependsOn()) + " are") + " on track.");
        }
        gates(plan, wave, Phase.BACKFILL, steps);
        steps.add("BACKFILL: load " + Texts.list(wave.datasets()) + " by " + Texts.orNone(plan.strategy().backfill())
                + "; start replication (" + Texts.orNone(plan.strategy().replication()) + ").");
        gates(plan, wave, Phase.SHADOW, steps);
        steps.add("SHADOW: run source and target side by side for " + Texts.orNone(wave.shadow()) + "; reads stay on source; "
                + "run validations " + Texts.list(checks) + " and compare.");
        gates(plan, wave, Phase.CANARY, steps);
        for (int weight : wave.canarySteps()) {
            steps.add("CANARY " + weight + "%: set switch " + switchName + " to " + weight + "% of reads on target; hold "
                    + Texts.orNone(wave.hold()) + " watching dashboards and alerts; roll back on any failed validation.");
        }
        gates(plan, wave, Phase.CUTOVER, steps);
        steps.add("CUTOVER: inside the cutover window, set switch " + switchName + " to 100% target; announce in "
                + Texts.orNone(plan.communication().channel()) + ".");
        gates(plan, wave, Phase.STABILIZATION, steps);
        steps.add("STABILIZATION: keep the old system read-only for " + Texts.orNone(plan.rollback().retention())
                + " with reverse sync (" + Texts.orNone(plan.rollback().reverseSync()) + "); keep validations running.");
        gates(plan, wave, Phase.DECOMMISSIONED, steps);
        steps.add("DECOMMISSIONED: after " + Texts.orNone(plan.rollback().retention())
                + " stable, retire the old path for " + Texts.list(wave.datasets()) + ".");
        return steps;
    }

    private static boolean appliesTo(ValidationPlan validation, WavePlan wave) {
        return validation.dataset() == null || wave.datasets().isEmpty() || wave.datasets().contains(validation.dataset());
    }

    private static void gates(MigrationPlan plan, WavePlan wave, Phase phase, List<String> steps) {
        for (Gate gate : plan.gates()) {
            if (gate.guards(phase, wave.name())) {
                steps.add("Gate " + gate.name() + " must pass before " + phase.name()
                        + " (see the go/no-go checklist).");
            }
        }
    }
}
