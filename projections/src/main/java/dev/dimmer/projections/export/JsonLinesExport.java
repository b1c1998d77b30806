package dev.dimmer.projections.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A migration's events as JSON Lines an auditor can verify without Dimmer (docs/audit.md, "Export format"): one
 * export line, the checkpoint lines (the newest, then the first one signed after each event, each with its
 * consistency proof to the newest), then one line per event with the stored bytes that its leaf hashes, its leaf
 * index and hash, and its audit path to the root of the first checkpoint that covers it.
 */
public final class JsonLinesExport {
    public static final String FORMAT = "dimmer-audit-export/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private JsonLinesExport() {
    }

    /**
     * @param checkpoints every signed checkpoint, in any order; empty when the ledger has none yet
     * @param tree        the ledger's tree, holding at least the newest checkpoint's leaves
     */
    public static String write(String migration, Instant from, Instant to, List<StoredEvent> events,
                               List<StoredCheckpoint> checkpoints, LedgerTree tree) {
        StringBuilder out = new StringBuilder();
        ObjectNode head = JSON.createObjectNode().put("kind", "export").put("format", FORMAT)
                .put("migration", migration).put("from", from == null ? null : from.toString())
                .put("to", to == null ? null : to.toString()).put("events", events.size());
        line(out, head);
        java.util.TreeMap<Long, StoredCheckpoint> bySize = new java.util.TreeMap<>();
        checkpoints.forEach(c -> bySize.put(c.treeSize(), c));
        // each event is proven in the first checkpoint signed after it; those checkpoints are proven consistent
        // with the newest, which comes first
        java.util.Map<StoredEvent, StoredCheckpoint> covering = new java.util.IdentityHashMap<>();
        java.util.TreeSet<Long> used = new java.util.TreeSet<>();
        for (StoredEvent e : events) {
            var first = e.leafIndex() == null ? null : bySize.higherEntry(e.leafIndex());
            if (first != null) {
                covering.put(e, first.getValue());
                used.add(first.getKey());
            }
        }
        if (!bySize.isEmpty()) {
            StoredCheckpoint newest = bySize.lastEntry().getValue();
            line(out, checkpoint(newest));
            for (long size : used.descendingSet()) {
                if (size != newest.treeSize()) {
                    ObjectNode line = checkpoint(bySize.get(size));
                    ObjectNode consistency = line.putObject("consistency").put("to_size", newest.treeSize());
                    ArrayNode path = consistency.putArray("path");
                    tree.consistency(size, newest.treeSize()).forEach(h -> path.add(base64(h)));
                    line(out, line);
                }
            }
        }
        for (StoredEvent e : events) {
            line(out, event(e, covering.get(e), tree));
        }
        return out.toString();
    }

    public static ObjectNode checkpoint(StoredCheckpoint checkpoint) {
        return JSON.createObjectNode().put("kind", "checkpoint").put("tree_size", checkpoint.treeSize())
                .put("root_hash", base64(checkpoint.rootHash())).put("signed_note", checkpoint.signedNote());
    }

    static ObjectNode event(StoredEvent e, StoredCheckpoint checkpoint, LedgerTree tree) {
        ObjectNode line = JSON.createObjectNode().put("kind", "event").put("position", e.globalIndex());
        if (e.leafIndex() == null) {
            line.putNull("leaf_index").putNull("leaf_hash");
        } else {
            line.put("leaf_index", e.leafIndex()).put("leaf_hash", base64(e.leafHash()));
        }
        leafInput(line, e);
        line.set("payload", readable(e.payload()));
        line.set("metadata", readable(e.metaData()));
        if (checkpoint != null && e.leafIndex() != null && e.leafIndex() < checkpoint.treeSize()) {
            line.set("inclusion", path(checkpoint.treeSize(), tree.inclusion(e.leafIndex(), checkpoint.treeSize())));
        } else {
            line.putNull("inclusion");
        }
        return line;
    }

    /** The nine fields a leaf hashes (docs/audit.md, "Canonical form of a leaf"), added to {@code node}. */
    public static ObjectNode leafInput(ObjectNode node, StoredEvent e) {
        return node.put("event_identifier", e.eventIdentifier()).put("aggregate_identifier", e.aggregateIdentifier())
                .put("sequence_number", e.sequenceNumber()).put("type", e.type())
                .put("payload_type", e.payloadType()).put("payload_revision", e.payloadRevision())
                .put("time_stamp", e.timeStamp()).put("payload_base64", base64(e.payload()))
                .put("meta_data_base64", base64(e.metaData()));
    }

    public static ObjectNode path(long treeSize, List<byte[]> path) {
        ObjectNode inclusion = JSON.createObjectNode().put("tree_size", treeSize);
        ArrayNode hashes = inclusion.putArray("path");
        path.forEach(h -> hashes.add(base64(h)));
        return inclusion;
    }

    /** The stored bytes as JSON for reading; the verifier checks it says the same as the base64. */
    static JsonNode readable(byte[] bytes) {
        if (bytes == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    static String base64(byte[] bytes) {
        return bytes == null ? null : BASE64.encodeToString(bytes);
    }

    private static void line(StringBuilder out, JsonNode node) {
        try {
            out.append(JSON.writeValueAsString(node)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an export line: " + e.getOriginalMessage(), e);
        }
    }
}
