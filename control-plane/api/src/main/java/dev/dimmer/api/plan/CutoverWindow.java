package dev.dimmer.api.plan;

/**
 * A recurring window for cutovers.
 *
 * @param cron     when it opens, in Quartz cron syntax (seconds first), e.g. {@code 0 0 22 ? * SAT}
 * @param duration how long it stays open, e.g. {@code 4h}
 * @param from     first day it may open (ISO date), optional
 * @param until    last day it may open (ISO date), optional
 */
public record CutoverWindow(String cron, PlanDuration duration, String from, String until) {
}
