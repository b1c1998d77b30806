package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.Dataset;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.plan.PlanProblem;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Big bang: one wave that carries several domains fails all of them together. */
final class SingleWaveForManyDomains extends NamedRule {
    SingleWaveForManyDomains() {
        super("big-bang-single-wave", Severity.WARNING,
                "a single wave moves datasets of several domains at once",
                "split the plan into one wave per domain or subject area and pilot the smallest first");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        if (context.plan().waves().size() != 1) {
            return List.of();
        }
        WavePlan only = context.plan().waves().get(0);
        List<Dataset> moved = only.datasets().isEmpty() ? context.plan().inventory().datasets()
                : context.plan().inventory().datasets().stream().filter(d -> only.datasets().contains(d.name())).toList();
        TreeSet<String> domains = moved.stream().map(Dataset::domain).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        if (domains.size() < 2) {
            return List.of();
        }
        return List.of(context.at("waves", "the only wave '" + only.name() + "' moves " + domains.size()
                + " domains (" + String.join(", ", domains) + ") at once"));
    }
}
