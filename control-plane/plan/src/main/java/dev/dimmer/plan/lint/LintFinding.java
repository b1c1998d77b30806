package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;

/** One place a plan breaks a rule, with the rule's id, severity and fix. */
public record LintFinding(String ruleId, Severity severity, PlanProblem problem, String fix) {

    /** {@code plan.yaml:40:3: rollback: no rehearsal on record; rehearse ... [warning rollback-not-rehearsed]}. */
    public String render() {
        return problem.render() + "; " + fix + " [" + severity.label() + " " + ruleId + "]";
    }
}
