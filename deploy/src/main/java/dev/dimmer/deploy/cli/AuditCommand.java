package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "audit", description = "Show a migration's audit trail: every event, who, through what, why, when",
        subcommands = {AuditAtCommand.class, AuditExplainCommand.class, AuditVerifyCommand.class,
                AuditKeyCommand.class})
final class AuditCommand extends ClientCommand {
    private static final int PAGE = 1000;

    // optional for picocli, so that `audit at` and `audit explain` parse; required when the trail itself is asked for
    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION", description = "Migration id")
    String migration;

    @Override
    void run(ApiClient client) {
        if (migration == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: "
                    + "'MIGRATION' (or a subcommand: at, explain, verify, key, export, prove, verify-proof, checkpoints)");
        }
        ObjectNode all = JSON.createObjectNode();
        ArrayNode entries = all.putArray("entries");
        long after = -1;
        while (true) {
            JsonNode page = client.get("/api/migrations/" + Paths.segment(migration) + "/audit?after=" + after
                    + "&limit=" + PAGE);
            page.path("entries").forEach(entries::add);
            if (page.path("entries").size() < PAGE) {
                break;
            }
            after = page.path("entries").get(PAGE - 1).path("position").asLong();
        }
        if (options.json) {
            printJson(all);
            return;
        }
        if (entries.isEmpty()) {
            out().println("no audit entries for " + migration + " (is the name right? see dimmer status)");
            return;
        }
        out().print(AuditTable.of(entries).render(""));
    }
}
