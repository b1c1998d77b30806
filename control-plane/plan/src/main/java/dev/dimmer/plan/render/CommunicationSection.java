package dev.dimmer.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.List;

/** Who is told what and when: channel, stakeholders, cadence per phase, go/no-go review, windows and freezes. */
final class CommunicationSection {
    private static final List<String> PHASES =
            List.of("planned", "backfill", "shadow", "canary", "cutover", "stabilization", "decommissioned");

    private CommunicationSection() {
    }

    static Section build(MigrationPlan plan, java.time.ZonedDateTime now) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Bullets(List.of(
                "Channel: " + Texts.orNone(plan.communication().channel()),
                "Go/no-go review: " + (plan.communication().goNoGoReview() == null ? "not scheduled"
                        : plan.communication().goNoGoReview() + " before cutover"))));
        if (!plan.communication().stakeholders().isEmpty()) {
            blocks.add(new Block.Table(List.of("Stakeholder", "Contact"), plan.communication().stakeholders().stream()
                    .map(s -> List.of(s.name(), Texts.orNone(s.contact()))).toList()));
        }
        List<List<String>> cadence = PHASES.stream().filter(plan.communication().cadence()::containsKey)
                .map(p -> List.of(p, "every " + plan.communication().cadence().get(p))).toList();
        if (!cadence.isEmpty()) {
            blocks.add(new Block.Heading("Update cadence"));
            blocks.add(new Block.Table(List.of("Phase", "Updates"), cadence));
        }
        if (plan.windows().cutover() != null) {
            blocks.add(new Block.Heading("Cutover window"));
            WindowInWords.describe(plan, now).forEach(line -> blocks.add(new Block.Paragraph(line)));
        }
        if (!plan.windows().freezes().isEmpty()) {
            blocks.add(new Block.Table(List.of("Freeze from", "to", "Reason"), plan.windows().freezes().stream()
                    .map(f -> List.of(f.from(), f.to(), f.reason())).toList()));
        }
        return new Section("Communication schedule", blocks);
    }
}
