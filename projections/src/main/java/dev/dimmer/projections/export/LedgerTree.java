package dev.dimmer.projections.export;

import dev.dimmer.api.ledger.MerkleTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ledger's RFC 9162 tree kept in memory between requests, growing as leaves are appended: level d holds the
 * hash of every complete, aligned subtree of 2^d leaves, in flat arrays (32 bytes a node, 64 MB for a million
 * leaves). A proof against any tree size up to the leaves held costs O(log² n) hashes, not a rebuild: a range that
 * is not one complete subtree is split as RFC 9162 §2.1 splits it, down to complete ones. The ledger is append-only
 * (its verifier checks that), so what is held never changes; only new leaves are read.
 */
public final class LedgerTree {
    private static final int H = MerkleTree.HASH_SIZE;
    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();

    /** How many leaves the tree holds. */
    public synchronized long size() {
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    public synchronized void append(byte[] leafHash) {
        byte[] hash = leafHash;
        for (int level = 0; ; level++) {
            long index = put(level, hash);
            if ((index & 1) == 0) {
                return;
            }
            hash = MerkleTree.nodeHash(node(level, index - 1), hash);
        }
    }

    /** MTH(D[0:size]). */
    public synchronized byte[] root(long size) {
        check(size);
        return size == 0 ? MerkleTree.emptyRoot() : hash(0, size);
    }

    /** PATH(index, D[size]), leaf to root. */
    public synchronized List<byte[]> inclusion(long index, long size) {
        check(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(m, D[n]), RFC 9162 §2.1.4. */
    public synchronized List<byte[]> consistency(long m, long n) {
        check(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, proof);
        }
        return proof;
    }

    private void path(long m, long from, long to, List<byte[]> proof) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, from, from + k, proof);
            proof.add(hash(from + k, to));
        } else {
            path(m - k, from + k, to, proof);
            proof.add(hash(from, from + k));
        }
    }

    private void subproof(long m, long from, long to, boolean whole, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(hash(from, to));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, from, from + k, whole, proof);
            proof.add(hash(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(hash(from, from + k));
        }
    }

    /** MTH(D[from:to]) for the ranges RFC 9162's recursion visits: from is a multiple of a power of two >= to-from. */
    private byte[] hash(long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return node(level, from >> level);
        }
        long k = Long.highestOneBit(n - 1);
        return MerkleTree.nodeHash(hash(from, from + k), hash(from + k, to));
    }

    private long put(int level, byte[] hash) {
        if (levels.size() == level) {
            levels.add(new byte[H * 1024]);
            counts.add(0L);
        }
        long index = counts.get(level);
        byte[] nodes = levels.get(level);
        if ((index + 1) * H > nodes.length) {
            if (nodes.length >= Integer.MAX_VALUE / 2) {
                throw new IllegalStateException("the proof cache holds at most " + (Integer.MAX_VALUE / H) + " leaves");
            }
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
            levels.set(level, nodes);
        }
        System.arraycopy(hash, 0, nodes, (int) (index * H), H);
        counts.set(level, index + 1);
        return index;
    }

    private byte[] node(int level, long index) {
        return Arrays.copyOfRange(levels.get(level), (int) (index * H), (int) ((index + 1) * H));
    }

    private void check(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves; " + size() + " are held");
        }
    }
}
