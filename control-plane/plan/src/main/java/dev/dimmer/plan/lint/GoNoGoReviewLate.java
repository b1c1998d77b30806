package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.plan.PlanProblem;
import dev.dimmer.plan.HumanUnits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Go/no-go criteria reviewed at the last minute are not reviewed; the field's bar is 24 hours ahead. */
final class GoNoGoReviewLate extends NamedRule {
    static final Duration LEAD_TIME = Duration.ofHours(24);

    GoNoGoReviewLate() {
        super("go-no-go-review-late", Severity.WARNING,
                "the go/no-go review is missing or less than 24h before cutover",
                "set communication.go_no_go_review: 24h (or more) so criteria are reviewed a day before cutover");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        PlanDuration text = context.plan().communication().goNoGoReview();
        Optional<Duration> lead = Optional.ofNullable(text).map(PlanDuration::value);
        if (lead.isEmpty()) {
            return List.of(context.at("communication.go_no_go_review", "no go/no-go review is scheduled"));
        }
        if (lead.get().compareTo(LEAD_TIME) < 0) {
            return List.of(context.at("communication.go_no_go_review", "the go/no-go review is only " + text
                    + " before cutover"));
        }
        return List.of();
    }
}
