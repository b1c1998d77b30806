package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.ledger.Checkpoint;
import dev.dimmer.api.ledger.LedgerKeys;
import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.deploy.audit.Verdict;
import dev.dimmer.deploy.audit.VerifyingExport;
import dev.dimmer.deploy.audit.VerifyingProof;
import dev.dimmer.projections.export.JsonLinesExport;
import dev.dimmer.projections.export.LedgerProofs;
import dev.dimmer.projections.export.LedgerTree;
import dev.dimmer.projections.export.StoredCheckpoint;
import dev.dimmer.projections.export.StoredEvent;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures with no server: the size of an inclusion proof in a 1,048,576-leaf tree, and how fast an export is
 * verified offline. The export is built here from a tree made with the ledger library, as the server builds one.
 */
class AuditExportMeasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = LedgerKeys.generate();

    @Test
    void shouldKeepAMillionLeafProofUnderAKilobyte() {
        int size = 1 << 20;
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(Leaf.hash(Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        }
        // the proven leaf is a real event's, so that the proof's event fields hash to it
        StoredEvent proven = new StoredEvent(size / 3 + 1, "0b5e0f3c-8d1e-4f7a-9c2b-6a1d2e3f4a5b", "crm", 7,
                "Migration", "dev.dimmer.api.migration.WaveAdvancedEvent", null, "2026-12-01T09:00:00Z", new byte[0],
                new byte[0], (long) size / 3, null);
        leaves.set(size / 3, proven.leaf().hash());
        LedgerTree tree = new LedgerTree();
        leaves.forEach(tree::append);
        List<byte[]> path = tree.inclusion(size / 3, size);
        int raw = path.size() * 32;
        int json = JsonLinesExport.path(size, path).toString().length();
        String note = new Checkpoint(TestLedger.ORIGIN, size, tree.root(size)).sign(TestLedger.ORIGIN, KEYS.getPrivate(),
                KEYS.getPublic());
        StoredEvent event = new StoredEvent(proven.globalIndex(), proven.eventIdentifier(), "crm", 7, "Migration",
                proven.payloadType(), null, proven.timeStamp(), new byte[0], new byte[0], (long) size / 3,
                leaves.get(size / 3));
        com.fasterxml.jackson.databind.node.ObjectNode document = LedgerProofs.inclusion(event,
                new StoredCheckpoint(size, tree.root(size), note, Instant.now()), path);
        assertThat(VerifyingProof.check(document, KEYS.getPublic()).intact()).isTrue();
        int whole = document.toString().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("AuditExportMeasureTest: inclusion proof in a %d-leaf tree: %d hashes, %d bytes raw, "
                + "%d bytes as JSON (base64), signed checkpoint %d bytes, whole proof document %d bytes%n", size,
                path.size(), raw, json, note.length(), whole);
        assertThat(raw).isLessThanOrEqualTo(1024);
        assertThat(json).isLessThanOrEqualTo(1024);
    }

    @Test
    void shouldVerifyALargeExportOffline() throws Exception {
        int events = Integer.getInteger("dimmer.measure.export-events", 20_000);
        List<StoredEvent> rows = new ArrayList<>(events);
        List<byte[]> hashes = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            byte[] payload = JSON.writeValueAsBytes(java.util.Map.of("migrationId", "crm", "wave", "customers",
                    "from", "SHADOW", "to", "CANARY", "weight", i % 100, "at", "2026-12-01T09:00:00Z"));
            byte[] meta = JSON.writeValueAsBytes(java.util.Map.of("actor_id", "U01LEAD", "actor_name", "Ada Lead",
                    "channel", "cli", "reason", "step " + i, "correlation_id", "c-" + i, "dimmer_position", i));
            StoredEvent e = new StoredEvent(i + 1, "event-" + i, "crm", i, "Migration",
                    "dev.dimmer.api.migration.WaveAdvancedEvent", null, "2026-12-01T09:00:00.123Z", payload, meta,
                    (long) i, null);
            byte[] hash = e.leaf().hash();
            hashes.add(hash);
            rows.add(new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.type(), e.payloadType(), null, e.timeStamp(), payload, meta, (long) i, hash));
        }
        LedgerTree tree = new LedgerTree();
        hashes.forEach(tree::append);
        String note = new Checkpoint(TestLedger.ORIGIN, events, tree.root(events)).sign(TestLedger.ORIGIN,
                KEYS.getPrivate(), KEYS.getPublic());
        String export = JsonLinesExport.write("crm", null, null, rows,
                List.of(new StoredCheckpoint(events, tree.root(events), note, Instant.now())), tree);

        long start = System.nanoTime();
        Verdict verdict = VerifyingExport.check(new BufferedReader(new StringReader(export)), KEYS.getPublic());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("AuditExportMeasureTest: verified %d events (%.1f MB) offline in %.2f s: %.0f events/s%n",
                events, export.length() / 1e6, seconds, events / seconds);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.events()).isEqualTo(events);
    }
}
