package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A migration plan as registered: the plan's slug is the migration's id. Sections the plan leaves out are empty
 * (never null), so readers can ask {@code plan.rollback().actions()} without guarding.
 *
 * @param connections named database connections ({@code source}, {@code target}, ...); passwords only as
 *                    {@code ${env:NAME}} references, never the secret itself
 * @param metrics     where service evidence comes from (the Prometheus that {@code metric} validations query)
 * @param cutover     the steps a wave's cutover runs after its reads move to the target
 * @param rehearsal   the staging connections and endpoints {@code dimmer rehearse} runs the rollback against
 */
public record MigrationPlan(String slug, String title, List<Owner> owners, List<WavePlan> waves,
                            String objective, Scope scope, ServiceLevels slos, Inventory inventory,
                            Strategy strategy, Map<String, Connection> connections,
                            List<ValidationPlan> validations, List<Gate> gates, Windows windows,
                            RollbackPlan rollback, Readiness readiness, Communication communication,
                            List<Risk> risks, Metrics metrics, CutoverPlan cutover, RehearsalTarget rehearsal) {
    @JsonCreator
    public MigrationPlan {
        owners = Lists.of(owners);
        waves = Lists.of(waves);
        scope = scope == null ? Scope.NONE : scope;
        slos = slos == null ? ServiceLevels.NONE : slos;
        inventory = inventory == null ? Inventory.NONE : inventory;
        strategy = strategy == null ? Strategy.NONE : strategy;
        connections = connections == null ? Map.of() : Map.copyOf(connections);
        validations = Lists.of(validations);
        gates = Lists.of(gates);
        windows = windows == null ? Windows.NONE : windows;
        rollback = rollback == null ? RollbackPlan.NONE : rollback;
        readiness = readiness == null ? Readiness.NONE : readiness;
        communication = communication == null ? Communication.NONE : communication;
        risks = Lists.of(risks);
        metrics = metrics == null ? Metrics.NONE : metrics;
        cutover = cutover == null ? CutoverPlan.NONE : cutover;
        rehearsal = rehearsal == null ? RehearsalTarget.NONE : rehearsal;
    }

    public MigrationPlan(String slug, String title, List<Owner> owners, List<WavePlan> waves, String objective,
                         Scope scope, ServiceLevels slos, Inventory inventory, Strategy strategy,
                         Map<String, Connection> connections, List<ValidationPlan> validations, List<Gate> gates,
                         Windows windows, RollbackPlan rollback, Readiness readiness, Communication communication,
                         List<Risk> risks, Metrics metrics) {
        this(slug, title, owners, waves, objective, scope, slos, inventory, strategy, connections, validations, gates,
                windows, rollback, readiness, communication, risks, metrics, null, null);
    }

    public MigrationPlan(String slug, String title, List<Owner> owners, List<WavePlan> waves, String objective,
                         Scope scope, ServiceLevels slos, Inventory inventory, Strategy strategy,
                         Map<String, Connection> connections, List<ValidationPlan> validations, List<Gate> gates,
                         Windows windows, RollbackPlan rollback, Readiness readiness, Communication communication,
                         List<Risk> risks) {
        this(slug, title, owners, waves, objective, scope, slos, inventory, strategy, connections, validations, gates,
                windows, rollback, readiness, communication, risks, null, null, null);
    }

    /** The minimal plan: who, what and in which waves; every other section empty. */
    public MigrationPlan(String slug, String title, List<Owner> owners, List<WavePlan> waves) {
        this(slug, title, owners, waves, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public Optional<WavePlan> wave(String name) {
        return waves.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /**
     * The validations of a wave, in plan order: those whose dataset the wave moves, and those a gate guarding the
     * wave names (a gate naming no waves guards every wave).
     */
    public List<ValidationPlan> validationsOf(String wave) {
        Optional<WavePlan> found = wave(wave);
        if (found.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> gated = new java.util.HashSet<>();
        gates.stream().filter(g -> g.waves().isEmpty() || g.waves().contains(wave))
                .forEach(g -> gated.addAll(g.validations()));
        return validations.stream().filter(v -> (v.dataset() != null && found.get().datasets().contains(v.dataset()))
                || gated.contains(v.name())).toList();
    }

    public Optional<ValidationPlan> validation(String name) {
        return validations.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
