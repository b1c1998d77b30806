package dev.dimmer.deploy.page;

/** A wave on the migration page: where it is, how it got there, what its next step needs, its runbook. */
public record WaveDetail(WaveBar bar, java.time.Instant since, String by, java.util.List<String> dependsOn, java.util.List<Moment> timeline, dev.dimmer.api.evidence.GateChecklistView checklist, dev.dimmer.api.status.RunbookStatusView runbook, java.util.List<PlannedStep> plannedRunbook) {
}
