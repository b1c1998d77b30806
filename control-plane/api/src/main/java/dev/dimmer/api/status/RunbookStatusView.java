package dev.dimmer.api.status;

import java.util.List;

/**
 * A wave's latest runbook as the status board shows it, step by step.
 *
 * @param purpose     {@code rollback} or {@code cutover}
 * @param state       {@code running}, {@code stalled} or {@code completed}
 * @param totalMillis from the command that started it to its last step; null until it completes
 */
public record RunbookStatusView(String purpose, int run, String state, Long totalMillis, List<Step> steps) {
    public RunbookStatusView {
        steps = List.copyOf(steps);
    }

    /**
     * @param state {@code pending}, {@code running}, {@code succeeded} or {@code failed}
     * @param detail what it did ("HTTP 200", "1 row") or why it failed
     */
    public record Step(int step, String kind, String description, String state, Long durationMillis,
                       String detail) {
    }
}
