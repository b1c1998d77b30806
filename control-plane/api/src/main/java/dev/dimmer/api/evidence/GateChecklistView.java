package dev.dimmer.api.evidence;

import java.util.List;

/**
 * A wave's next transition as a checklist, before anyone tries it: what the step is ("canary at 10%", "cutover"),
 * whether every condition holds now, and each condition with its detail.
 */
public record GateChecklistView(String migrationId, String wave, String phase, String transition, boolean open,
                                List<Condition> conditions) {
    public GateChecklistView {
        conditions = List.copyOf(conditions);
    }

    /** One line: kind (validation, approvals, dependency, phase, canary), name, whether it holds, and why. */
    public record Condition(String kind, String name, boolean met, String detail) {
    }
}
