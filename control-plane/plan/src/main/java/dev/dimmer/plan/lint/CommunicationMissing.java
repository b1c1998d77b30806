package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** Under-communicating: stakeholders who do not know timing, impact and contact paths escalate at the worst time. */
final class CommunicationMissing extends NamedRule {
    CommunicationMissing() {
        super("communication-missing", Severity.WARNING,
                "the plan says nowhere who is told what, or where",
                "add communication.channel and communication.stakeholders (owners, consumers, support, security, finance)");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        if (context.plan().communication().channel() == null) {
            found.add(context.at("communication.channel", "no channel for status updates"));
        }
        if (context.plan().communication().stakeholders().isEmpty()) {
            found.add(context.at("communication.stakeholders", "no stakeholders are listed"));
        }
        return found;
    }
}
