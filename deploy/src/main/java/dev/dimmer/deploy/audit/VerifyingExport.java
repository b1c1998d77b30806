package dev.dimmer.deploy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.ledger.Checkpoint;
import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.MerkleTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an audit export (docs/audit.md, "Export format") with nothing but the file and the ledger's public key:
 * each checkpoint's signature, each event's leaf hash recomputed from its stored bytes, each audit path up to its
 * checkpoint's root, the readable copies against the stored bytes, and that no event is missing in between.
 */
public final class VerifyingExport {
    public static final String FORMAT = "dimmer-audit-export/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PublicKey key;
    private final Map<Long, byte[]> roots = new HashMap<>();
    private final List<Verdict.Problem> problems = new ArrayList<>();
    private long events;
    private long checkpoints;
    private long lastPosition = -1;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, Integer> lastLine = new HashMap<>();
    private String migration;
    private boolean fromStart;

    private VerifyingExport(PublicKey key) {
        this.key = key;
    }

    public static Verdict check(BufferedReader lines, PublicKey key) throws IOException {
        return new VerifyingExport(key).run(lines);
    }

    private Verdict run(BufferedReader reader) throws IOException {
        String first = reader.readLine();
        JsonNode head = parse(first, 1);
        if (!head.path("kind").asText().equals("export") || !head.path("format").asText().equals(FORMAT)) {
            throw new UnreadableEvidence("line 1: not a Dimmer audit export (expected kind \"export\", format \""
                    + FORMAT + "\")");
        }
        migration = head.path("migration").isTextual() ? head.path("migration").asText() : null;
        // an export without --from holds each aggregate's events from its first, sequence number 0
        fromStart = head.path("from").isNull() || head.path("from").isMissingNode();
        int number = 1;
        String text;
        while ((text = reader.readLine()) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = parse(text, number);
            switch (line.path("kind").asText()) {
                case "checkpoint" -> checkpoint(line, number);
                case "event" -> event(line, number);
                default -> problems.add(new Verdict.Problem(null, "unknown-line", "line " + number
                        + ": kind '" + line.path("kind").asText() + "' is not part of the format"));
            }
        }
        long declared = head.path("events").asLong(-1);
        if (declared != events) {
            problems.add(new Verdict.Problem(null, "count", "line 1 declares " + declared + " events; the file holds "
                    + events));
        }
        return new Verdict(events, checkpoints, problems);
    }

    private void checkpoint(JsonNode line, int number) {
        checkpoints++;
        Checkpoint signed;
        try {
            signed = Checkpoint.verify(line.path("signed_note").asText(), key);
        } catch (RuntimeException e) {
            problems.add(new Verdict.Problem(null, "checkpoint-signature", "line " + number + ": " + e.getMessage()));
            return;
        }
        byte[] root;
        try {
            root = Hashes.bytes(line, "root_hash");
        } catch (Hashes.BadField e) {
            problems.add(new Verdict.Problem(null, "malformed", "line " + number + ": " + e.getMessage()));
            root = null;
        }
        if (signed.treeSize() != line.path("tree_size").asLong(-1) || !Arrays.equals(signed.rootHash(), root)) {
            problems.add(new Verdict.Problem(null, "checkpoint-mismatch", "line " + number + ": tree_size/root_hash "
                    + "differ from the signed note (size " + signed.treeSize() + ", root "
                    + Hashes.text(signed.rootHash()) + "); the signed note is what counts"));
        }
        roots.put(signed.treeSize(), signed.rootHash());
        JsonNode consistency = line.path("consistency");
        if (consistency.isObject()) {
            long toSize = consistency.path("to_size").asLong(-1);
            byte[] toRoot = roots.get(toSize);
            try {
                if (toRoot == null) {
                    problems.add(new Verdict.Problem(null, "checkpoint-missing", "line " + number + ": its "
                            + "consistency proof leads to tree size " + toSize + " but no checkpoint line of that size "
                            + "with a valid signature precedes it"));
                } else if (!MerkleTree.verifyConsistency(signed.treeSize(), toSize, signed.rootHash(), toRoot,
                        Hashes.path(consistency.path("path"), "consistency.path"))) {
                    problems.add(new Verdict.Problem(null, "consistency", "line " + number + ": the signed tree of "
                            + "size " + toSize + " does not extend this checkpoint's tree of size " + signed.treeSize()));
                }
            } catch (Hashes.BadField | IllegalArgumentException e) {
                problems.add(new Verdict.Problem(null, "malformed", "line " + number + ": " + e.getMessage()));
            }
        }
    }

    private void event(JsonNode line, int number) {
        events++;
        long position = line.path("position").asLong(-1);
        String where = "line " + number + " (position " + position + ")";
        try {
            String aggregate = textOrNull(line, "aggregate_identifier");
            if (migration != null && !migration.equals(aggregate)) {
                problems.add(new Verdict.Problem(position, "migration", where + ": aggregate_identifier '" + aggregate
                        + "' is not the migration '" + migration + "' that line 1 says this export holds"));
            }
            order(line, position, number, where);
            Leaf leaf = LeafFields.read(line, "");
            byte[] hash = leaf.hash();
            byte[] claimed = Hashes.bytes(line, "leaf_hash");
            if (!Arrays.equals(hash, claimed)) {
                problems.add(new Verdict.Problem(position, "leaf-hash", where + ": the stored bytes hash to "
                        + Hashes.text(hash) + " but the line's leaf_hash is " + Hashes.text(claimed)
                        + ": a field of this event was changed"));
            }
            readable(line, leaf, position, where);
            inclusion(line, hash, position, where);
        } catch (Hashes.BadField e) {
            problems.add(new Verdict.Problem(position, "malformed", where + ": " + e.getMessage()));
        }
    }

    private void order(JsonNode line, long position, int number, String where) {
        if (position <= lastPosition) {
            problems.add(new Verdict.Problem(position, "order", where + ": positions must rise; the line before "
                    + "was at " + lastPosition));
        }
        lastPosition = Math.max(lastPosition, position);
        String aggregate = line.path("aggregate_identifier").asText();
        long sequence = line.path("sequence_number").asLong(-1);
        Long expected = nextSequence.get(aggregate);
        if (expected == null && fromStart && sequence != 0) {
            problems.add(new Verdict.Problem(position, "sequence-gap", where + ": the export has no --from, so "
                    + aggregate + " must start at sequence number 0, but its first event here is " + sequence + ": "
                    + missing(0, sequence) + " missing before this line"));
        } else if (expected != null && sequence > expected) {
            problems.add(new Verdict.Problem(position, "sequence-gap", where + ": " + aggregate + " sequence "
                    + sequence + " follows " + (expected - 1) + " (line " + lastLine.get(aggregate) + "): "
                    + missing(expected, sequence) + " missing in between"));
        } else if (expected != null && sequence != expected) {
            problems.add(new Verdict.Problem(position, "sequence-gap", where + ": " + aggregate + " sequence "
                    + sequence + " follows " + (expected - 1) + " (line " + lastLine.get(aggregate) + "); events "
                    + "are reordered or repeated"));
        }
        nextSequence.put(aggregate, sequence + 1);
        lastLine.put(aggregate, number);
    }

    private static String missing(long first, long next) {
        return next - first == 1 ? "event " + first + " is" : "events " + first + " to " + (next - 1) + " are";
    }

    private void readable(JsonNode line, Leaf leaf, long position, String where) {
        for (String[] pair : new String[][]{{"payload", "payload_base64"}, {"metadata", "meta_data_base64"}}) {
            JsonNode shown = line.path(pair[0]);
            if (shown.isMissingNode()) {
                continue;
            }
            byte[] stored = pair[0].equals("payload") ? leaf.payload() : leaf.metaData();
            JsonNode decoded;
            try {
                decoded = stored == null ? JSON.nullNode() : JSON.readTree(stored);
            } catch (IOException e) {
                decoded = JSON.nullNode();
            }
            if (!shown.equals(decoded)) {
                problems.add(new Verdict.Problem(position, "readable-copy", where + ": " + pair[0]
                        + " says something other than " + pair[1]));
            }
        }
    }

    private void inclusion(JsonNode line, byte[] hash, long position, String where) {
        JsonNode proof = line.path("inclusion");
        if (proof.isNull() || proof.isMissingNode()) {
            problems.add(new Verdict.Problem(position, "unproven", where + ": no inclusion proof; no checkpoint in "
                    + "this export covers the event"));
            return;
        }
        long size = proof.path("tree_size").asLong(-1);
        byte[] root = roots.get(size);
        if (root == null) {
            problems.add(new Verdict.Problem(position, "checkpoint-missing", where + ": its proof is against tree "
                    + "size " + size + " but no checkpoint line of that size with a valid signature precedes it"));
            return;
        }
        long index = line.path("leaf_index").asLong(-1);
        if (!MerkleTree.verifyInclusion(hash, index, size, Hashes.path(proof.path("path"), "inclusion.path"), root)) {
            problems.add(new Verdict.Problem(position, "inclusion", where + ": leaf " + index + " is not in the "
                    + "signed tree of size " + size + " (its audit path does not lead to the signed root)"));
        }
    }

    private static JsonNode parse(String text, int number) {
        if (text == null) {
            throw new UnreadableEvidence("the file is empty");
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UnreadableEvidence("line " + number + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String textOrNull(JsonNode line, String field) {
        JsonNode value = line.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
