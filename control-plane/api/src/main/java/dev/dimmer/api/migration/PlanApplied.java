package dev.dimmer.api.migration;

import java.util.List;

/**
 * What applying a plan did: registered a new migration, revised an existing one (with the changes, one line each),
 * or nothing because the plan was unchanged.
 */
public record PlanApplied(String migrationId, Outcome outcome, List<String> changes) {
    public enum Outcome { REGISTERED, REVISED, UNCHANGED }

    public PlanApplied {
        changes = List.copyOf(changes);
    }
}
