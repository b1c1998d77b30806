package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;

@Command(name = "checkpoints", description = "List the ledger's signed checkpoints, newest first: tree size, root "
        + "hash, when signed and (with --json) the signed note; pick two sizes for dimmer audit prove --consistency")
final class AuditCheckpointsCommand extends ClientCommand {
    private static final int PAGE = 1000;

    @Override
    void run(ApiClient client) {
        ObjectNode all = JSON.createObjectNode();
        ArrayNode checkpoints = all.putArray("checkpoints");
        String next = "/api/audit/checkpoints?limit=" + PAGE;
        while (true) {
            JsonNode page = client.get(next).path("checkpoints");
            page.forEach(checkpoints::add);
            if (page.size() < PAGE) {
                break;
            }
            next = "/api/audit/checkpoints?limit=" + PAGE + "&before=" + page.get(PAGE - 1).path("tree_size").asLong();
        }
        if (options.json) {
            printJson(all);
            return;
        }
        if (checkpoints.isEmpty()) {
            out().println("no signed checkpoints yet (the ledger signs one within a minute of its first event)");
            return;
        }
        out().printf("%-12s %-46s %s%n", "TREE SIZE", "ROOT HASH", "SIGNED AT");
        checkpoints.forEach(c -> out().printf("%-12d %-46s %s%n", c.path("tree_size").asLong(),
                c.path("root_hash").asText(), c.path("time").asText()));
    }
}
