package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.audit.BinaryProofs;
import dev.dimmer.deploy.audit.UnreadableEvidence;
import dev.dimmer.deploy.audit.VerifyingProof;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify-proof", description = "Check an inclusion or consistency proof offline, with only the "
        + "public key. Exit 0 valid, 1 invalid, 2 unreadable")
final class AuditVerifyProofCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A proof from dimmer audit prove (JSON or --binary) or GET /api/audit/consistency")
    Path file;

    @Option(names = "--public-key", required = true, paramLabel = "KEY.pem",
            description = "The ledger's public key (GET /api/audit/public-key)")
    Path publicKey;

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try {
            JsonNode proof;
            try {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                proof = dev.dimmer.api.ledger.Proofs.isBinary(bytes) ? BinaryProofs.toJson(bytes)
                        : ClientCommand.JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UnreadableEvidence("cannot read " + file + " as a proof (JSON, or binary from dimmer "
                        + "audit prove --binary): " + e.getMessage());
            }
            return OfflineCheck.print(VerifyingProof.check(proof, OfflineCheck.publicKey(publicKey)), json,
                    proof.path("kind").asText() + " proof " + file, out);
        } catch (UnreadableEvidence e) {
            return OfflineCheck.unreadable(e, spec.commandLine().getErr());
        } finally {
            out.flush();
            spec.commandLine().getErr().flush();
        }
    }
}
