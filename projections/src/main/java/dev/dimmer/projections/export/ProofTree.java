package dev.dimmer.projections.export;

import dev.dimmer.api.ledger.MerkleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Every level of an RFC 9162 tree, kept so that many audit paths cost O(log n) each after one O(n) build (the
 * library's {@link MerkleTree#inclusionProof} is O(n) per proof). A node without a right sibling moves up a level
 * unchanged, which gives the left-balanced tree of RFC 9162 §2.1; ProofTreeTest checks it against the library.
 */
public final class ProofTree {
    private final List<List<byte[]>> levels = new ArrayList<>();

    public ProofTree(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("an empty tree has no audit paths");
        }
        List<byte[]> level = leafHashes;
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(MerkleTree.nodeHash(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                up.add(level.get(level.size() - 1));
            }
            levels.add(up);
            level = up;
        }
    }

    public long size() {
        return levels.get(0).size();
    }

    public byte[] root() {
        return levels.get(levels.size() - 1).get(0);
    }

    /** PATH(index, D[size]), leaf to root. */
    public List<byte[]> inclusion(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size());
        }
        List<byte[]> path = new ArrayList<>();
        int i = (int) index;
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            List<byte[]> level = levels.get(depth);
            int sibling = i ^ 1;
            if (sibling < level.size()) {
                path.add(level.get(sibling));
            }
            i >>= 1;
        }
        return path;
    }
}
