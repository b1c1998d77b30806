package dev.dimmer.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.List;
import java.util.Locale;

/** Turns a valid plan into the runbook a lead runs the cutover from, as Markdown or HTML. */
public final class RunbookRenderer {
    public static final List<String> FORMATS = List.of("md", "html");

    public Runbook runbook(MigrationPlan plan) {
        return new Runbook("Runbook: " + plan.title() + " (" + plan.slug() + ")", List.of(
                ScopeSection.build(plan),
                WaveStepsSection.build(plan),
                GoNoGoSection.build(plan),
                RollbackSection.build(plan),
                CommunicationSection.build(plan),
                ReadinessSection.build(plan),
                RiskSection.build(plan)));
    }

    /** The runbook in {@code md} or {@code html}. */
    public String render(MigrationPlan plan, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> MarkdownRunbook.write(runbook(plan));
            case "html" -> HtmlRunbook.write(runbook(plan));
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected one of md, html");
        };
    }
}
