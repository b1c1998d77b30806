package dev.dimmer.api.ledger;

import java.util.List;

/** What a verification found: how many events and checkpoints it checked and every problem, first position first. */
public record LedgerReport(boolean intact, long events, long checkpoints, List<LedgerProblem> problems) {
    public LedgerReport {
        problems = List.copyOf(problems);
    }
}
