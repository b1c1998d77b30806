package dev.dimmer.core.axon;

import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveCommand;
import java.util.Locale;

/** What a command tried, in the words of the CLI and the slash commands: {@code cutover customers}. */
final class Attempts {
    private Attempts() {
    }

    static String of(MigrationCommand command) {
        if (command instanceof StartCutoverCommand c) {
            return "cutover " + c.wave();
        }
        if (command instanceof RollBackWaveCommand c) {
            return "rollback " + c.wave();
        }
        if (command instanceof AdvanceWaveCommand c) {
            return "advance " + c.wave() + (c.weight() == null ? "" : " to " + c.weight() + "%");
        }
        if (command instanceof OpenGoNoGoCommand c) {
            return "gonogo " + c.wave();
        }
        if (command instanceof CastVoteCommand c) {
            return "vote " + (c.vote() == null ? "" : c.vote().label() + " ") + "on " + c.wave();
        }
        if (command instanceof ApplyPlanCommand) {
            return "apply plan";
        }
        if (command instanceof KillSwitchCommand c) {
            return "switch kill " + c.routingSwitch();
        }
        if (command instanceof AbortMigrationCommand) {
            return "abort";
        }
        String verb = type(command).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return command instanceof WaveCommand w ? verb + " " + w.wave() : verb;
    }

    /** The command's type without its suffix: {@code StartCutover}. */
    static String type(MigrationCommand command) {
        return command.getClass().getSimpleName().replaceFirst("Command$", "");
    }
}
