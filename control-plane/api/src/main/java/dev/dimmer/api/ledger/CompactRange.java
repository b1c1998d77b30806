package dev.dimmer.api.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of a growing tree in O(log n) memory: the roots of the perfect subtrees that cover the leaves so far,
 * largest first. Appending merges equal neighbours; the RFC 9162 root folds them right to left.
 */
public final class CompactRange {
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private long size;

    public void append(byte[] leafHash) {
        hashes.add(leafHash);
        sizes.add(1L);
        size++;
        int top = hashes.size();
        while (top > 1 && sizes.get(top - 1).equals(sizes.get(top - 2))) {
            hashes.set(top - 2, MerkleTree.nodeHash(hashes.get(top - 2), hashes.get(top - 1)));
            sizes.set(top - 2, sizes.get(top - 2) * 2);
            hashes.remove(top - 1);
            sizes.remove(top - 1);
            top--;
        }
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] hash = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            hash = MerkleTree.nodeHash(hashes.get(i), hash);
        }
        return hash;
    }
}
