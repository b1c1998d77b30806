package dev.dimmer.core.axon;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import java.util.Map;
import java.util.Optional;

/**
 * The role each command needs. A command missing here is refused to everyone: new commands fail closed. So is
 * {@code RecordRefusalCommand}: the bus hands it to the aggregate itself, never through this gate.
 */
public final class CommandRoles {
    private static final Map<Class<?>, Role> REQUIRED = Map.of(
            ApplyPlanCommand.class, Role.LEAD,
            AdvanceWaveCommand.class, Role.LEAD,
            StartCutoverCommand.class, Role.LEAD,
            RollBackWaveCommand.class, Role.LEAD,
            AbortMigrationCommand.class, Role.LEAD,
            KillSwitchCommand.class, Role.LEAD,
            OpenGoNoGoCommand.class, Role.LEAD,
            CastVoteCommand.class, Role.APPROVER);

    private CommandRoles() {
    }

    public static Optional<Role> requiredFor(Class<?> commandType) {
        return Optional.ofNullable(REQUIRED.get(commandType));
    }
}
