package dev.dimmer.api.ledger;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a ledger against its events, streaming: stored leaf hashes in leaf order (for the roots), each leaf joined
 * with the event it names (recomputed from the event as stored), events nobody notarised, and the signed
 * checkpoints, trusting nothing but the public key. Memory is O(log n + problems).
 */
public final class LedgerAudit {
    /** A checkpoint row as stored: the columns and the signed note that should say the same. */
    public record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote) {
    }

    private final PublicKey publicKey;
    private final List<StoredCheckpoint> checkpoints;
    private final Map<Long, byte[]> rootsAt = new HashMap<>();
    private final CompactRange range = new CompactRange();
    // the stored leaves and the events may be read on two threads at once: both report problems
    private final List<LedgerProblem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final List<long[]> missing = new ArrayList<>();
    private long events;

    private record Mismatch(long position, long leaf, ByteBuffer recomputed, ByteBuffer stored, Leaf event) {
    }

    /** Beyond this many edited events, swapped contents are not searched for pair by pair. */
    private static final int PAIRS_SEARCHED = 2000;

    public LedgerAudit(PublicKey publicKey, List<StoredCheckpoint> checkpoints) {
        this.publicKey = publicKey;
        this.checkpoints = checkpoints.stream().sorted(Comparator.comparingLong(StoredCheckpoint::treeSize)).toList();
        checkpoints.forEach(c -> rootsAt.put(c.treeSize(), null));
    }

    /**
     * Every stored leaf hash, in leaf order, whether or not its event is checked. May run on another thread than
     * the events' calls, at the same time; {@link #finish()} after both.
     */
    public void storedLeaf(long leafIndex, byte[] hash) {
        if (leafIndex != range.size()) {
            problems.add(new LedgerProblem(-1, range.size(), "deleted",
                    "leaves " + range.size() + ".." + (leafIndex - 1) + " are missing from the ledger"));
            while (range.size() < leafIndex) {
                range.append(new byte[MerkleTree.HASH_SIZE]);
                captureRoot();
            }
        }
        range.append(hash);
        captureRoot();
    }

    private void captureRoot() {
        if (rootsAt.containsKey(range.size())) {
            rootsAt.put(range.size(), range.root());
        }
    }

    /** A leaf and the event it names, as stored now. */
    public void event(long leafIndex, long leafGlobalIndex, byte[] storedHash, long eventGlobalIndex, Leaf event) {
        event(leafIndex, leafGlobalIndex, storedHash, eventGlobalIndex, event.hash(), () -> event);
    }

    /**
     * A leaf and the event it names, its hash recomputed by the caller ({@link Leaf#hash(java.security.MessageDigest,
     * byte[], byte[], long, byte[], byte[], byte[], byte[], byte[], byte[])}); the event itself is built only when
     * the hashes differ, to name what changed.
     */
    public void event(long leafIndex, long leafGlobalIndex, byte[] storedHash, long eventGlobalIndex,
                      byte[] recomputed, java.util.function.Supplier<Leaf> event) {
        events++;
        if (!MessageDigest.isEqual(recomputed, storedHash)) {
            Leaf stored = event.get();
            mismatches.add(new Mismatch(eventGlobalIndex, leafIndex, ByteBuffer.wrap(recomputed),
                    ByteBuffer.wrap(storedHash), stored));
        } else if (leafGlobalIndex != eventGlobalIndex) {
            problems.add(new LedgerProblem(eventGlobalIndex, leafIndex, "reordered", "event "
                    + event.get().eventIdentifier() + " was notarised at global index " + leafGlobalIndex
                    + " and now stands at " + eventGlobalIndex));
        }
    }

    /** A leaf whose event is no longer in the event table. */
    public void leafWithoutEvent(long leafIndex, long leafGlobalIndex, String eventIdentifier) {
        missing.add(new long[] {leafIndex, leafGlobalIndex});
        problems.add(new LedgerProblem(leafGlobalIndex, leafIndex, "deleted",
                "event " + eventIdentifier + " (leaf " + leafIndex + ") is gone from the event table"));
    }

    /**
     * An event the notary hashed in its append but has not given an index yet (it committed after the sequencer's
     * last run): checked against its pending hash, not yet covered by any checkpoint.
     */
    public void pendingEvent(long globalIndex, byte[] pendingHash, byte[] recomputed) {
        events++;
        if (!MessageDigest.isEqual(recomputed, pendingHash)) {
            problems.add(new LedgerProblem(globalIndex, -1, "edited", "the event at global index " + globalIndex
                    + " no longer hashes to what its append recorded (payload, metadata or columns changed)"));
        }
    }

    /** An event no leaf names: written past the notary. */
    public void eventWithoutLeaf(long globalIndex, String eventIdentifier) {
        events++;
        problems.add(new LedgerProblem(globalIndex, -1, "inserted",
                "event " + eventIdentifier + " at global index " + globalIndex + " was never notarised"));
    }

    public LedgerReport finish() {
        classifyMismatches();
        markTruncatedTail();
        long size = range.size();
        for (StoredCheckpoint checkpoint : checkpoints) {
            checkCheckpoint(checkpoint, size);
        }
        problems.sort(Comparator.comparingLong((LedgerProblem p) -> p.position() < 0 ? Long.MAX_VALUE : p.position())
                .thenComparingLong(LedgerProblem::leaf));
        return new LedgerReport(problems.isEmpty(), events, checkpoints.size(), problems);
    }

    private void classifyMismatches() {
        Map<ByteBuffer, Mismatch> byStored = new HashMap<>();
        mismatches.forEach(m -> byStored.put(m.stored(), m));
        Map<Long, Mismatch> swappedWith = new HashMap<>();
        if (mismatches.size() <= PAIRS_SEARCHED) {
            for (int i = 0; i < mismatches.size(); i++) {
                for (int j = i + 1; j < mismatches.size(); j++) {
                    Mismatch a = mismatches.get(i);
                    Mismatch b = mismatches.get(j);
                    if (holdsContentOf(a, b) && holdsContentOf(b, a)) {
                        swappedWith.put(a.leaf(), b);
                        swappedWith.put(b.leaf(), a);
                    }
                }
            }
        }
        for (Mismatch m : mismatches) {
            Mismatch other = swappedWith.getOrDefault(m.leaf(), byStored.get(m.recomputed()));
            problems.add(other != null
                    ? new LedgerProblem(m.position(), m.leaf(), "reordered", "the event at global index "
                            + m.position() + " holds what was notarised at global index " + other.position())
                    : new LedgerProblem(m.position(), m.leaf(), "edited", "the event at global index " + m.position()
                            + " no longer hashes to leaf " + m.leaf() + " (payload, metadata or columns changed)"));
        }
    }

    /** Whether {@code a}'s event, given {@code b}'s payload (with or without its metadata), is what {@code a}'s leaf notarised. */
    private static boolean holdsContentOf(Mismatch a, Mismatch b) {
        Leaf e = a.event();
        Leaf o = b.event();
        for (byte[] metaData : java.util.Arrays.asList(o.metaData(), e.metaData())) {
            Leaf moved = new Leaf(e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(), e.aggregateType(),
                    o.payloadType(), o.payloadRevision(), e.timeStamp(), o.payload(), metaData);
            if (ByteBuffer.wrap(moved.hash()).equals(a.stored())) {
                return true;
            }
        }
        return false;
    }

    /** Deleted leaves' events that run to the end of the ledger are a truncation, not scattered deletes. */
    private void markTruncatedTail() {
        if (missing.isEmpty()) {
            return;
        }
        missing.sort(Comparator.comparingLong(m -> m[0]));
        int first = missing.size();
        long expected = range.size() - 1;
        for (int i = missing.size() - 1; i >= 0 && missing.get(i)[0] == expected; i--, expected--) {
            first = i;
        }
        if (first == missing.size()) {
            return;
        }
        long fromLeaf = missing.get(first)[0];
        problems.removeIf(p -> p.kind().equals("deleted") && p.leaf() >= fromLeaf);
        problems.add(new LedgerProblem(missing.get(first)[1], fromLeaf, "truncated", "the events of leaves "
                + fromLeaf + ".." + (range.size() - 1) + " are gone from the end of the event table"));
    }

    private void checkCheckpoint(StoredCheckpoint stored, long size) {
        Checkpoint signed;
        try {
            signed = Checkpoint.verify(stored.signedNote(), publicKey);
        } catch (IllegalArgumentException e) {
            problems.add(new LedgerProblem(-1, stored.treeSize(), "signature",
                    "checkpoint of " + stored.treeSize() + " leaves: " + e.getMessage()));
            return;
        }
        if (signed.treeSize() != stored.treeSize() || !MessageDigest.isEqual(signed.rootHash(), stored.rootHash())) {
            problems.add(new LedgerProblem(-1, stored.treeSize(), "signature", "checkpoint row of "
                    + stored.treeSize() + " leaves differs from its signed note (" + signed.treeSize() + " leaves)"));
        }
        if (signed.treeSize() > size) {
            problems.add(new LedgerProblem(-1, size, "truncated", "a signed checkpoint covers " + signed.treeSize()
                    + " leaves but the ledger holds " + size));
            return;
        }
        byte[] root = rootsAt.get(signed.treeSize());
        if (root == null && signed.treeSize() == 0) {
            root = MerkleTree.emptyRoot();
        }
        if (root == null || !MessageDigest.isEqual(root, signed.rootHash())) {
            problems.add(new LedgerProblem(-1, previousGood(signed.treeSize()), "root", "the stored leaves 0.."
                    + (signed.treeSize() - 1) + " no longer hash to the root signed for " + signed.treeSize()
                    + " leaves: the ledger was rewritten after leaf " + previousGood(signed.treeSize())));
        }
    }

    private long previousGood(long treeSize) {
        long good = 0;
        for (StoredCheckpoint c : checkpoints) {
            byte[] root = rootsAt.get(c.treeSize());
            if (c.treeSize() < treeSize && root != null && MessageDigest.isEqual(root, c.rootHash())) {
                good = c.treeSize();
            }
        }
        return good;
    }
}
