package dev.dimmer.deploy.page;

/** A step of a wave's rollback runbook as the plan writes it: kind, what it does, how long it should take. */
public record PlannedStep(String kind, String description, String estimate) {
}
