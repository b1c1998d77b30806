package dev.dimmer.plan;

import dev.dimmer.api.plan.Consumer;
import dev.dimmer.api.plan.Dataset;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Pipeline;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Every name a plan refers to exists: datasets in waves, pipelines, consumers and validations; connections in
 * validations and rollback SQL; validations and waves in gates; routing switches in rollback actions.
 */
final class ReferencesKnown implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        References refs = new References(document);
        List<String> datasets = plan.inventory().datasets().stream().filter(Objects::nonNull).map(Dataset::name).toList();
        List<String> connections = new ArrayList<>(new TreeSet<>(plan.connections().keySet()));
        List<String> waves = plan.waves().stream().map(WavePlan::name).toList();
        List<String> validations = plan.validations().stream().map(ValidationPlan::name).toList();
        List<String> switches = plan.waves().stream().map(WavePlan::routingSwitch).filter(Objects::nonNull).distinct().toList();

        for (int i = 0; i < plan.waves().size(); i++) {
            refs.each("waves[" + i + "].datasets", "dataset", plan.waves().get(i).datasets(), datasets);
        }
        for (int i = 0; i < plan.inventory().pipelines().size(); i++) {
            Pipeline pipeline = plan.inventory().pipelines().get(i);
            refs.each("inventory.pipelines[" + i + "].reads", "dataset", pipeline.reads(), datasets);
            refs.each("inventory.pipelines[" + i + "].writes", "dataset", pipeline.writes(), datasets);
        }
        for (int i = 0; i < plan.inventory().consumers().size(); i++) {
            Consumer consumer = plan.inventory().consumers().get(i);
            refs.each("inventory.consumers[" + i + "].reads", "dataset", consumer.reads(), datasets);
        }
        for (int i = 0; i < plan.validations().size(); i++) {
            ValidationPlan validation = plan.validations().get(i);
            String path = "validations[" + i + "]";
            refs.one(path + ".dataset", "dataset", validation.dataset(), datasets);
            refs.one(path + ".source_connection", "connection", validation.sourceConnection(), connections);
            refs.one(path + ".target_connection", "connection", validation.targetConnection(), connections);
            defaultConnection(refs, path, "source", validation.sourceConnection(), connections);
            defaultConnection(refs, path, "target", validation.targetConnection(), connections);
        }
        for (int i = 0; i < plan.gates().size(); i++) {
            Gate gate = plan.gates().get(i);
            refs.each("gates[" + i + "].validations", "validation", gate.validations(), validations);
            refs.each("gates[" + i + "].waves", "wave", gate.waves(), waves);
        }
        List<String> rollbackPaths = java.util.stream.IntStream.range(0, plan.rollback().actions().size())
                .mapToObj(i -> "rollback.actions[" + i + "]").toList();
        List<String> cutoverPaths = java.util.stream.IntStream.range(0, plan.cutover().actions().size())
                .mapToObj(i -> "cutover.actions[" + i + "]").toList();
        List<RollbackAction> all = new ArrayList<>(plan.rollback().actions());
        all.addAll(plan.cutover().actions());
        List<String> paths = new ArrayList<>(rollbackPaths);
        paths.addAll(cutoverPaths);
        for (int i = 0; i < all.size(); i++) {
            RollbackAction action = all.get(i);
            String path = paths.get(i);
            if (action instanceof RollbackAction.Sql sql) {
                refs.one(path + ".connection", "connection", sql.connection(), connections);
            } else if (action instanceof RollbackAction.Switch flip) {
                refs.one(path + ".switch", "routing switch", flip.routingSwitch(), switches);
            }
            refs.each(path + ".waves", "wave", action.waves(), waves);
        }
        return refs.problems();
    }

    /** A validation that names no connection uses source and target, which must then exist if any connection does. */
    private static void defaultConnection(References refs, String path, String side, String named, List<String> connections) {
        if (named == null && !connections.isEmpty() && !connections.contains(side)) {
            refs.problem(path, "runs on connection '" + side + "' by default, but the plan declares no connection '"
                    + side + "'; declare it or set " + side + "_connection to one of: " + String.join(", ", connections));
        }
    }

    /** Collects unknown-reference problems in one wording. */
    private static final class References {
        private final LocatedDocument document;
        private final List<PlanProblem> problems = new ArrayList<>();

        References(LocatedDocument document) {
            this.document = document;
        }

        void each(String path, String what, List<String> names, List<String> known) {
            for (int j = 0; j < names.size(); j++) {
                check(path + "[" + j + "]", path, what, names.get(j), known);
            }
        }

        void one(String path, String what, String name, List<String> known) {
            check(path, path, what, name, known);
        }

        private void check(String where, String path, String what, String name, List<String> known) {
            if (name == null || known.contains(name)) {
                return;
            }
            String expected = known.isEmpty() ? "the plan declares no " + what + " yet; declare it first"
                    : "expected one of: " + String.join(", ", known);
            String hint = Spelling.closest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
            problems.add(document.problemAt(where, path, "unknown " + what + " '" + name + "'" + hint + "; " + expected));
        }

        void problem(String path, String message) {
            problems.add(document.problem(path, message));
        }

        List<PlanProblem> problems() {
            return problems;
        }
    }
}
