package dev.dimmer.api.plan;

/** A rollback rehearsal that took place: the ISO date, the environment and how long it took. */
public record Rehearsal(String date, String environment, PlanDuration took) {
}
