package dev.dimmer.core.migration;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import java.time.Instant;
import java.util.Collection;

/** The refusals the Migration aggregate answers with, worded for the person who sent the command. */
final class Refusals {
    private Refusals() {
    }

    static CommandRejectedException illegal(String format, Object... args) {
        return new CommandRejectedException(RejectionCode.ILLEGAL_TRANSITION, String.format(format, args));
    }

    static CommandRejectedException invalid(String format, Object... args) {
        return new CommandRejectedException(RejectionCode.INVALID_COMMAND, String.format(format, args));
    }

    static CommandRejectedException conflict(String format, Object... args) {
        return new CommandRejectedException(RejectionCode.PLAN_CONFLICT, String.format(format, args));
    }

    static CommandRejectedException dependency(String format, Object... args) {
        return new CommandRejectedException(RejectionCode.DEPENDENCY_NOT_READY, String.format(format, args));
    }

    static CommandRejectedException unknownWave(String migration, String wave, Collection<String> known) {
        return new CommandRejectedException(RejectionCode.UNKNOWN_WAVE, String.format(
                "migration %s has no wave '%s'; its waves are %s", migration, wave, String.join(", ", known)));
    }

    static CommandRejectedException unknownSwitch(String migration, String routingSwitch, Collection<String> known) {
        return new CommandRejectedException(RejectionCode.UNKNOWN_SWITCH, String.format(
                "no wave of migration %s routes with switch '%s'; its switches are %s", migration, routingSwitch,
                known.isEmpty() ? "none (no wave names a switch)" : String.join(", ", known)));
    }

    static CommandRejectedException aborted(String migration, Instant at) {
        return new CommandRejectedException(RejectionCode.MIGRATION_ABORTED, String.format(
                "migration %s was aborted at %s; it takes no further commands", migration, at));
    }

    static void requireReason(Provenance provenance, String what) {
        if (provenance.reason().isBlank()) {
            throw invalid("%s needs a reason; say why (e.g. --reason \"error rate above 1%%\")", what);
        }
    }
}
