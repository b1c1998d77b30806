package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.audit.BinaryProofs;
import dev.dimmer.deploy.audit.UnreadableEvidence;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "prove", description = "Print an event's inclusion proof against the newest signed checkpoint "
        + "(JSON; check it offline with dimmer audit verify-proof)")
final class AuditProveCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "EVENT_ID", description = "The event's identifier (event_id in dimmer audit MIGRATION --json)")
    String event;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output")
    Path output;

    @Option(names = "--binary", description = "Write the compact binary form (dimmer-proof/1, under 1 KB for a "
            + "million events; docs/audit.md) to the --output file")
    boolean binary;

    @Override
    void run(ApiClient client) {
        if (binary && output == null) {
            throw new ApiException(2, "--binary writes bytes: name the file with --output FILE", null);
        }
        String proof = client.getText("/api/audit/proof?event=" + URLEncoder.encode(event, StandardCharsets.UTF_8),
                "application/json");
        if (binary) {
            try {
                byte[] bytes = BinaryProofs.toBinary(JSON.readTree(proof));
                Files.write(output, bytes);
                err().println("wrote the inclusion proof of " + event + " to " + output + " (" + bytes.length
                        + " bytes, binary)");
            } catch (IOException e) {
                throw new ApiException(2, "cannot write " + output + ": " + e.getMessage(), null);
            } catch (UnreadableEvidence e) {
                throw new ApiException(2, e.getMessage(), null);
            }
            return;
        }
        if (output == null) {
            out().println(proof.strip());
            return;
        }
        try {
            Files.writeString(output, proof.strip() + "\n");
        } catch (IOException e) {
            throw new ApiException(2, "cannot write " + output + ": " + e.getMessage(), null);
        }
        err().println("wrote the inclusion proof of " + event + " to " + output);
    }
}
