package dev.dimmer.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.List;
import java.util.Locale;

/** Turns a valid plan into the runbook a lead runs the cutover from, as Markdown or HTML. */
public final class RunbookRenderer {
    public static final List<String> FORMATS = List.of("md", "html");

    public Runbook runbook(MigrationPlan plan) {
        return runbook(plan, RecordedEvidence.NONE);
    }

    /** The runbook with each gate's validations ticked or not by the evidence a control plane recorded. */
    public Runbook runbook(MigrationPlan plan, RecordedEvidence evidence) {
        return new Runbook("Runbook: " + plan.title() + " (" + plan.slug() + ")", List.of(
                ScopeSection.build(plan),
                WaveStepsSection.build(plan),
                GoNoGoSection.build(plan, evidence),
                RollbackSection.build(plan),
                CommunicationSection.build(plan),
                ReadinessSection.build(plan),
                RiskSection.build(plan)));
    }

    /** The runbook in {@code md} or {@code html}. */
    public String render(MigrationPlan plan, String format) {
        return render(plan, format, RecordedEvidence.NONE);
    }

    /** As above, with the latest recorded result next to each gate's validations. */
    public String render(MigrationPlan plan, String format, RecordedEvidence evidence) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> MarkdownRunbook.write(runbook(plan, evidence));
            case "html" -> HtmlRunbook.write(runbook(plan, evidence));
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected one of md, html");
        };
    }
}
