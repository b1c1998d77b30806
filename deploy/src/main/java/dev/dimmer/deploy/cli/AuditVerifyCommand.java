package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.audit.UnreadableEvidence;
import dev.dimmer.deploy.audit.Verdict;
import dev.dimmer.deploy.audit.VerifyingExport;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "Recompute every event's leaf and check the signed checkpoints, on the server "
        + "or, with --file, in an export offline with only the public key; exit 0 intact, 1 tampered (the first "
        + "position and kind are named), 2 unreadable")
final class AuditVerifyCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION", description = "Only this migration's events")
    String migration;

    @Option(names = "--file", paramLabel = "EXPORT.jsonl",
            description = "Verify this export (dimmer audit export) offline, with no server")
    Path file;

    @Option(names = "--public-key", paramLabel = "KEY.pem",
            description = "With --file: the ledger's public key (GET /api/audit/public-key or dimmer audit key)")
    Path publicKey;

    @Override
    void run(ApiClient client) {
        if (file != null) {
            offline();
            return;
        }
        JsonNode report = client.get("/api/audit/verify" + (migration == null ? "" : "?migration=" + Paths.segment(migration)));
        if (options.json) {
            printJson(report);
        } else {
            out().printf("%d events, %d checkpoints: %s%n", report.path("events").asLong(),
                    report.path("checkpoints").asLong(), report.path("intact").asBoolean() ? "intact" : "TAMPERED");
            report.path("problems").forEach(p -> out().printf("  position %-8s leaf %-8s %-10s %s%n",
                    p.path("position").asLong(), p.path("leaf").asLong(), p.path("kind").asText(), p.path("detail").asText()));
        }
        if (!report.path("intact").asBoolean()) {
            JsonNode first = report.path("problems").path(0);
            throw new ApiException(1, "the audit log was tampered with: " + first.path("kind").asText()
                    + " at position " + first.path("position").asLong(), null);
        }
    }

    @Override
    ApiClient connect() {
        return file == null ? super.connect() : null;
    }

    private void offline() {
        if (publicKey == null) {
            throw new ApiException(2, "--file needs --public-key KEY.pem (save GET /api/audit/public-key)", null);
        }
        Verdict verdict;
        try (BufferedReader lines = Files.newBufferedReader(file)) {
            verdict = VerifyingExport.check(lines, OfflineCheck.publicKey(publicKey));
        } catch (UnreadableEvidence e) {
            throw new ApiException(2, e.getMessage(), null);
        } catch (NoSuchFileException e) {
            throw new ApiException(2, "no file " + file, null);
        } catch (IOException e) {
            throw new ApiException(2, "cannot read " + file + ": " + e.getMessage(), null);
        }
        if (OfflineCheck.print(verdict, options.json, file.toString(), out()) != 0) {
            Verdict.Problem first = verdict.problems().get(0);
            throw new ApiException(1, "the export was tampered with: " + first.kind() + " at position "
                    + (first.position() == null ? -1 : first.position()), null);
        }
    }
}
