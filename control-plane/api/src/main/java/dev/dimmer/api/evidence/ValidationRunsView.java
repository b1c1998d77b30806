package dev.dimmer.api.evidence;

import java.util.List;

/** Validation runs, newest first. */
public record ValidationRunsView(String migration, List<ValidationRunView> runs) {
    public ValidationRunsView {
        runs = List.copyOf(runs);
    }
}
