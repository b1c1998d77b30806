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

@Command(name = "prove", description = "Print an event's inclusion proof against the newest signed checkpoint, or "
        + "with --consistency FROM TO the proof that the signed tree of TO leaves extends that of FROM (JSON; check "
        + "either offline with dimmer audit verify-proof)")
final class AuditProveCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "EVENT_ID",
            description = "The event's identifier (event_id in dimmer audit MIGRATION --json)")
    String event;

    @Option(names = "--consistency", arity = "2", paramLabel = "SIZE",
            description = "Two signed tree sizes, FROM and TO (dimmer audit checkpoints lists them)")
    long[] consistency;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output")
    Path output;

    @Option(names = "--binary", description = "Write the compact binary form (dimmer-proof/1, under 1 KB for a "
            + "million events; it proves the leaf hash only, docs/audit.md) to the --output file")
    boolean binary;

    @Override
    void run(ApiClient client) {
        if ((event == null) == (consistency == null)) {
            throw new ApiException(2, "name one event (dimmer audit prove EVENT_ID) or two tree sizes (dimmer audit "
                    + "prove --consistency FROM TO; dimmer audit checkpoints lists them)", null);
        }
        if (binary && output == null) {
            throw new ApiException(2, "--binary writes bytes: name the file with --output FILE", null);
        }
        String what = event != null ? "the inclusion proof of " + event
                : "the consistency proof of " + consistency[0] + " and " + consistency[1];
        String proof = client.getText(event != null
                ? "/api/audit/proof?event=" + URLEncoder.encode(event, StandardCharsets.UTF_8)
                : "/api/audit/consistency?from=" + consistency[0] + "&to=" + consistency[1], "application/json");
        if (binary) {
            try {
                byte[] bytes = BinaryProofs.toBinary(JSON.readTree(proof));
                Files.write(output, bytes);
                err().println("wrote " + what + " to " + output + " (" + bytes.length + " bytes, binary)");
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
        err().println("wrote " + what + " to " + output);
    }
}
