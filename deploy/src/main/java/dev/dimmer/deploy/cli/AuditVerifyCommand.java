package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.audit.UnreadableEvidence;
import dev.dimmer.deploy.audit.VerifyingExport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = "Verify an audit export offline, with no server: leaf hashes, inclusion "
        + "proofs, checkpoint signatures. Exit 0 intact, 1 tampered, 2 unreadable")
final class AuditVerifyCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, paramLabel = "EXPORT.jsonl", description = "An export from dimmer audit export")
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
        try (BufferedReader lines = Files.newBufferedReader(file)) {
            return OfflineCheck.print(VerifyingExport.check(lines, OfflineCheck.publicKey(publicKey)), json,
                    file.toString(), out);
        } catch (UnreadableEvidence e) {
            return OfflineCheck.unreadable(e, spec.commandLine().getErr());
        } catch (NoSuchFileException e) {
            return OfflineCheck.unreadable(new UnreadableEvidence("no file " + file), spec.commandLine().getErr());
        } catch (IOException e) {
            return OfflineCheck.unreadable(new UnreadableEvidence("cannot read " + file + ": " + e.getMessage()),
                    spec.commandLine().getErr());
        } finally {
            out.flush();
            spec.commandLine().getErr().flush();
        }
    }
}
