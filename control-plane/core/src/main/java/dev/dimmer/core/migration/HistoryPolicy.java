package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.Dataset;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A revised plan may change the future, never the past: what a wave has already done with its datasets,
 * connections, switch and canary steps stays as it was. Every violation is listed, each with what to do instead.
 */
final class HistoryPolicy {
    private HistoryPolicy() {
    }

    static List<String> violations(MigrationPlan before, MigrationPlan after, Map<String, Wave> waves) {
        List<String> violations = new ArrayList<>();
        boolean anyBackfilled = waves.values().stream().anyMatch(w -> w.phase() != Phase.PLANNED);
        for (Wave wave : waves.values()) {
            WavePlan old = before.wave(wave.name()).orElse(null);
            Optional<WavePlan> now = after.wave(wave.name());
            if (now.isEmpty()) {
                if (Phase.SHADOW.isBefore(wave.phase())) {
                    violations.add("wave " + wave.name() + " is in " + wave.describe() + "; a wave past SHADOW "
                            + "cannot be removed from the plan (roll it back first, or keep it)");
                }
                continue;
            }
            if (old != null) {
                waveRules(wave, old, now.get(), violations);
            }
        }
        if (anyBackfilled) {
            datasetRules(before, after, waves, violations);
            connectionRules(before, after, violations);
            if (!Objects.equals(before.strategy().backfill(), after.strategy().backfill())
                    || !Objects.equals(before.strategy().replication(), after.strategy().replication())) {
                violations.add("strategy.backfill and strategy.replication cannot change once a wave has started "
                        + "backfilling; register a new migration for a new data movement");
            }
        }
        return violations;
    }

    private static void waveRules(Wave wave, WavePlan old, WavePlan now, List<String> violations) {
        Phase phase = wave.phase();
        if (phase != Phase.PLANNED && !old.datasets().equals(now.datasets())) {
            violations.add("wave " + wave.name() + " is in " + wave.describe() + "; its datasets cannot change "
                    + "after backfill started (put new datasets in a new wave)");
        }
        if (!phase.isBefore(Phase.CANARY) && !Objects.equals(old.routingSwitch(), now.routingSwitch())) {
            violations.add("wave " + wave.name() + " is in " + wave.describe() + "; its routing switch cannot "
                    + "change while consumers read it (roll the wave back to SHADOW first)");
        }
        if (!phase.isBefore(Phase.CUTOVER) && !old.canarySteps().equals(now.canarySteps())) {
            violations.add("wave " + wave.name() + " is in " + phase + "; its canary steps are history now");
        } else if (phase == Phase.CANARY && !taken(old, wave.weight()).equals(taken(now, wave.weight()))) {
            violations.add("wave " + wave.name() + " is at canary " + wave.weight() + "%; the steps up to "
                    + wave.weight() + "% are taken and cannot change (change only the steps above it)");
        }
        if (!phase.isBefore(Phase.CUTOVER) && !old.dependsOn().containsAll(now.dependsOn())) {
            violations.add("wave " + wave.name() + " is in " + phase + "; it cannot gain dependencies after it "
                    + "cut over");
        }
    }

    private static List<Integer> taken(WavePlan wave, int weight) {
        return wave.canarySteps().stream().filter(step -> step <= weight).toList();
    }

    private static void datasetRules(MigrationPlan before, MigrationPlan after, Map<String, Wave> waves,
                                     List<String> violations) {
        for (Dataset old : before.inventory().datasets()) {
            boolean moving = before.waves().stream().anyMatch(w -> w.datasets().contains(old.name())
                    && waves.containsKey(w.name()) && waves.get(w.name()).phase() != Phase.PLANNED);
            if (!moving) {
                continue;
            }
            Optional<Dataset> now = after.inventory().datasets().stream()
                    .filter(d -> d.name().equals(old.name())).findFirst();
            if (now.isEmpty() || !Objects.equals(old.table(), now.get().table())
                    || !Objects.equals(old.keyColumns(), now.get().keyColumns())) {
                violations.add("dataset " + old.name() + " is being moved; its table and key columns cannot change "
                        + "(or disappear) after backfill started");
            }
        }
    }

    private static void connectionRules(MigrationPlan before, MigrationPlan after, List<String> violations) {
        for (Map.Entry<String, Connection> old : before.connections().entrySet()) {
            Connection now = after.connections().get(old.getKey());
            if (now == null || !Objects.equals(old.getValue().jdbcUrl(), now.jdbcUrl())) {
                violations.add("connection " + old.getKey() + " cannot point elsewhere once backfill started "
                        + "(its user and password references may still change)");
            }
        }
    }
}
