package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dimmer.api.ledger.LedgerKeys;
import dev.dimmer.deploy.audit.UnreadableEvidence;
import dev.dimmer.deploy.audit.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/** What the offline checks share: reading the public key, and printing a verdict with its exit code. */
final class OfflineCheck {
    private OfflineCheck() {
    }

    static PublicKey publicKey(Path pem) {
        try {
            // GET /api/audit/public-key and dimmer audit key add "# origin" and "# verifier key" lines after the PEM
            return LedgerKeys.readPublic(Files.readString(pem).lines().filter(l -> !l.startsWith("#"))
                    .collect(java.util.stream.Collectors.joining("\n")));
        } catch (IOException e) {
            throw new UnreadableEvidence("cannot read the public key " + pem + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvidence(pem + ": " + e.getMessage());
        }
    }

    /** 0 intact, 1 tampered. */
    static int print(Verdict verdict, boolean json, String what, PrintWriter out) {
        if (json) {
            try {
                out.println(ClientCommand.JSON.writeValueAsString(verdict.json()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else if (verdict.intact()) {
            out.println("intact: " + what + " (" + verdict.events() + " events, " + verdict.checkpoints()
                    + " checkpoints checked)");
        } else {
            out.println("TAMPERED: " + what + ": " + verdict.problems().size() + " problems");
            verdict.problems().forEach(p -> out.println("  " + p.kind() + ": " + p.detail()));
        }
        if (!json) {
            verdict.notes().forEach(n -> out.println("  note: " + n));
        }
        return verdict.intact() ? 0 : 1;
    }

    /** 2: nothing could be checked. */
    static int unreadable(UnreadableEvidence e, PrintWriter err) {
        err.println("error: " + e.getMessage());
        return 2;
    }
}
