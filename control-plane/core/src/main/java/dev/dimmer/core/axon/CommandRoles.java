package dev.dimmer.core.axon;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.evidence.RecordValidationResultCommand;
import dev.dimmer.api.evidence.RequestValidationRunCommand;
import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.rollback.RecordDryRunCommand;
import dev.dimmer.api.rollback.RecordRehearsalCommand;
import dev.dimmer.api.rollback.ReportRunbookStepCommand;
import dev.dimmer.api.rollback.RetryRunbookCommand;
import dev.dimmer.api.share.CreateShareLinkCommand;
import dev.dimmer.api.share.RevokeShareLinkCommand;
import java.util.Map;
import java.util.Optional;

/**
 * The role each command needs. A command missing here is refused to everyone: new commands fail closed. So is
 * {@code RecordRefusalCommand}: the bus hands it to the aggregate itself, never through this gate.
 */
public final class CommandRoles {
    private static final Map<Class<?>, Role> REQUIRED = Map.ofEntries(
            Map.entry(ApplyPlanCommand.class, Role.LEAD),
            Map.entry(AdvanceWaveCommand.class, Role.LEAD),
            Map.entry(StartCutoverCommand.class, Role.LEAD),
            Map.entry(RollBackWaveCommand.class, Role.LEAD),
            Map.entry(AbortMigrationCommand.class, Role.LEAD),
            Map.entry(KillSwitchCommand.class, Role.LEAD),
            Map.entry(OpenGoNoGoCommand.class, Role.LEAD),
            Map.entry(CastVoteCommand.class, Role.APPROVER),
            Map.entry(RequestValidationRunCommand.class, Role.OPERATOR),
            Map.entry(RecordValidationResultCommand.class, Role.OPERATOR),
            // the rollback executor reports as Dimmer's automation actor, which holds the operator role only
            Map.entry(ReportRunbookStepCommand.class, Role.OPERATOR),
            Map.entry(RetryRunbookCommand.class, Role.LEAD),
            Map.entry(RecordRehearsalCommand.class, Role.LEAD),
            // an operator may prove a rollback can run (a dry run), not rehearse it for real
            Map.entry(RecordDryRunCommand.class, Role.OPERATOR),
            // a share link shows the migration to people without an account: the lead decides who sees it
            Map.entry(CreateShareLinkCommand.class, Role.LEAD),
            Map.entry(RevokeShareLinkCommand.class, Role.LEAD),
            // the scheduler's notices (a hold ended, a digest); it holds the operator role
            Map.entry(dev.dimmer.api.schedule.PostNoticeCommand.class, Role.OPERATOR));

    // a role that may also send the command: a lead may start a validation run as an operator does
    private static final Map<Class<?>, Role> ALSO = Map.of(RequestValidationRunCommand.class, Role.LEAD);

    private CommandRoles() {
    }

    public static Optional<Role> requiredFor(Class<?> commandType) {
        return Optional.ofNullable(REQUIRED.get(commandType));
    }

    /** Another role that may send the command instead of the required one, if any. */
    public static Optional<Role> alsoAllowed(Class<?> commandType) {
        return Optional.ofNullable(ALSO.get(commandType));
    }
}
