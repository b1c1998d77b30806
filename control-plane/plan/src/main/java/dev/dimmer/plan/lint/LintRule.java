package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/**
 * A named policy drawn from how migrations fail. The id is stable (scripts and SARIF baselines key on it); the
 * fix is one line a plan author can act on.
 */
public interface LintRule {
    String id();

    Severity severity();

    /** What the rule guards against, in one line. */
    String summary();

    /** What to do about a finding, in one line. */
    String fix();

    /** The places in the plan that break the rule; empty when it holds. */
    List<PlanProblem> check(LintContext context);
}
