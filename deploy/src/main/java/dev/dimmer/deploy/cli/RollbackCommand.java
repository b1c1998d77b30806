package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A wave action like the others, whose MIGRATION, WAVE and --reason are checked here rather than by picocli: a
 * parent's required arguments would otherwise be demanded of {@code dimmer rollback retry} too.
 */
@Command(name = "rollback", description = "Return a wave to SHADOW: no reads on the target; its rollback runbook "
        + "runs at once", subcommands = RollbackRetryCommand.class)
final class RollbackCommand extends SendingCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Parameters(index = "1", arity = "0..1", paramLabel = "WAVE", description = "Wave name")
    String wave;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail; required)")
    String reason;

    @Override
    void run(ApiClient client) {
        if (migration == null || wave == null || reason == null) {
            throw new ApiException(2, "usage: dimmer rollback MIGRATION WAVE --reason TEXT, or dimmer rollback retry "
                    + "MIGRATION WAVE --reason TEXT", null);
        }
        JsonNode state = client.post("/api/migrations/" + Paths.segment(migration) + "/waves/"
                + Paths.segment(wave) + "/rollback", Map.of("reason", reason));
        noteWarning();
        if (options.json) {
            printJson(state);
            return;
        }
        out().println(Describe.wave(state));
    }
}
