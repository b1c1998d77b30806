package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** A consumer nobody owns is a consumer nobody tells, and nobody checks after cutover. */
final class ConsumerWithoutOwner extends NamedRule {
    ConsumerWithoutOwner() {
        super("consumer-without-owner", Severity.WARNING,
                "a consumer has no owner to warn and to confirm it still works",
                "add owner: the team or person who answers for this consumer");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        for (int i = 0; i < context.plan().inventory().consumers().size(); i++) {
            if (context.plan().inventory().consumers().get(i).owner() == null) {
                found.add(context.at("inventory.consumers[" + i + "]", "consumer '"
                        + context.plan().inventory().consumers().get(i).name() + "' has no owner"));
            }
        }
        return found;
    }
}
