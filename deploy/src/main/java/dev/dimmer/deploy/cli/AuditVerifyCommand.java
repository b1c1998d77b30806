package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.audit.UnreadableEvidence;
import dev.dimmer.deploy.audit.VerifyingExport;
import dev.dimmer.deploy.client.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = "Verify the audit ledger: with --file, an export offline with no server "
        + "(leaf hashes, inclusion proofs, checkpoint signatures); without, the server's whole ledger. "
        + "Exit 0 intact, 1 tampered, 2 unreadable or unreachable")
final class AuditVerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION",
            description = "Without --file: only this migration's events")
    String migration;

    @Option(names = "--file", paramLabel = "EXPORT.jsonl", description = "An export from dimmer audit export")
    Path file;

    @Option(names = "--public-key", paramLabel = "KEY.pem",
            description = "With --file: the ledger's public key (GET /api/audit/public-key)")
    Path publicKey;

    @Mixin
    ClientOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            return file == null ? online() : offline();
        } catch (UnreadableEvidence e) {
            return OfflineCheck.unreadable(e, err);
        } catch (ApiException e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int offline() {
        if (publicKey == null) {
            throw new UnreadableEvidence("--file needs --public-key KEY.pem (save GET /api/audit/public-key)");
        }
        try (BufferedReader lines = Files.newBufferedReader(file)) {
            return OfflineCheck.print(VerifyingExport.check(lines, OfflineCheck.publicKey(publicKey)), options.json,
                    file.toString(), spec.commandLine().getOut());
        } catch (NoSuchFileException e) {
            throw new UnreadableEvidence("no file " + file);
        } catch (IOException e) {
            throw new UnreadableEvidence("cannot read " + file + ": " + e.getMessage());
        }
    }

    private int online() {
        JsonNode report = options.client().get("/api/audit/verify" + (migration == null ? ""
                : "?migration=" + URLEncoder.encode(migration, StandardCharsets.UTF_8)));
        var out = spec.commandLine().getOut();
        if (options.json) {
            out.println(report.toPrettyString());
        } else if (report.path("intact").asBoolean()) {
            out.println("intact: " + report.path("events").asLong() + " events, " + report.path("checkpoints")
                    .asLong() + " checkpoints checked");
        } else {
            out.println("TAMPERED: " + report.path("problems").size() + " problems");
            report.path("problems").forEach(p -> out.println("  " + p.path("kind").asText() + ": "
                    + p.path("detail").asText()));
        }
        return report.path("intact").asBoolean() ? 0 : 1;
    }
}
