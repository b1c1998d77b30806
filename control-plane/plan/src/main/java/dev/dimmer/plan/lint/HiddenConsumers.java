package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;
import java.util.Set;

/** Hidden consumers: BI extracts, ML features and ad-hoc jobs are the readers a migration forgets and breaks. */
final class HiddenConsumers extends NamedRule {
    private static final Set<String> OFTEN_FORGOTTEN = Set.of("bi_extract", "ml_feature", "adhoc_job");

    HiddenConsumers() {
        super("consumers-not-inventoried", Severity.WARNING,
                "no BI extract, ML feature or ad-hoc job is listed among the consumers",
                "search query logs and scheduler configs for readers and list them under inventory.consumers with owners");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        boolean listed = context.plan().inventory().consumers().stream().anyMatch(c -> OFTEN_FORGOTTEN.contains(c.kind()));
        return listed ? List.of() : List.of(context.at("inventory.consumers",
                "no BI extract, ML feature or ad-hoc job is listed as a consumer"));
    }
}
