package dev.dimmer.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.List;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Turns a valid plan into the runbook a lead runs the cutover from, as Markdown or HTML. */
public final class RunbookRenderer {
    public static final List<String> FORMATS = List.of("md", "html");

    public Runbook runbook(MigrationPlan plan) {
        return runbook(plan, RecordedEvidence.NONE, ZonedDateTime.now(ZoneOffset.UTC));
    }

    public Runbook runbook(MigrationPlan plan, ZonedDateTime now) {
        return runbook(plan, RecordedEvidence.NONE, now);
    }

    /** The runbook with each gate's validations ticked or not by the evidence a control plane recorded. */
    public Runbook runbook(MigrationPlan plan, RecordedEvidence evidence) {
        return runbook(plan, evidence, ZonedDateTime.now(ZoneOffset.UTC));
    }

    /**
     * The sections in the order a lead needs them on the day: what and who, the steps, the go/no-go checklist (with
     * the recorded evidence, when given) and the way back, then communication and readiness; the inventory,
     * reference material, comes last. The cutover window's next openings are counted from {@code now}.
     */
    public Runbook runbook(MigrationPlan plan, RecordedEvidence evidence, ZonedDateTime now) {
        return new Runbook("Runbook: " + plan.title() + " (" + plan.slug() + ")", List.of(
                ScopeSection.build(plan),
                WaveStepsSection.build(plan),
                GoNoGoSection.build(plan, evidence),
                RollbackSection.build(plan),
                CommunicationSection.build(plan, now),
                ReadinessSection.build(plan),
                RiskSection.build(plan),
                ScopeSection.inventory(plan)));
    }

    /** The runbook in {@code md} or {@code html}. */
    public String render(MigrationPlan plan, String format) {
        return render(plan, format, RecordedEvidence.NONE, ZonedDateTime.now(ZoneOffset.UTC));
    }

    public String render(MigrationPlan plan, String format, ZonedDateTime now) {
        return render(plan, format, RecordedEvidence.NONE, now);
    }

    /** As above, with the latest recorded result next to each gate's validations. */
    public String render(MigrationPlan plan, String format, RecordedEvidence evidence) {
        return render(plan, format, evidence, ZonedDateTime.now(ZoneOffset.UTC));
    }

    public String render(MigrationPlan plan, String format, RecordedEvidence evidence, ZonedDateTime now) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> MarkdownRunbook.write(runbook(plan, evidence, now));
            case "html" -> HtmlRunbook.write(runbook(plan, evidence, now));
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected one of md, html");
        };
    }
}
