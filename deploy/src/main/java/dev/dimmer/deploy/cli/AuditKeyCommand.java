package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;

@Command(name = "key", description = "Print the public key that verifies the audit ledger's signed checkpoints")
final class AuditKeyCommand extends ClientCommand {
    @Override
    void run(ApiClient client) {
        JsonNode key = client.get("/api/audit/key");
        if (options.json) {
            printJson(key);
            return;
        }
        out().print(key.path("public_key").asText());
        out().println("# origin " + key.path("origin").asText());
        out().println("# verifier key " + key.path("verifier_key").asText());
    }
}
