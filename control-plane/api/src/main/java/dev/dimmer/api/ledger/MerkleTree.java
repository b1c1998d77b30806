package dev.dimmer.api.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 §2.1 over a list of leaf hashes, with inclusion proofs (§2.1.3) and
 * consistency proofs (§2.1.4). Roots take O(n) time and O(log n) memory; proofs take O(n) time.
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;

    private MerkleTree() {
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Leaf.reused();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** MTH({}) = SHA-256(). */
    public static byte[] emptyRoot() {
        return Leaf.sha256().digest();
    }

    /** MTH(D[n]) of the given leaf hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        return root(leafHashes, 0, leafHashes.size());
    }

    /** MTH(D[from:to]). */
    public static byte[] root(List<byte[]> leafHashes, long from, long to) {
        if (from < 0 || to > leafHashes.size() || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + leafHashes.size() + " leaves");
        }
        if (from == to) {
            return emptyRoot();
        }
        // Left-balanced: merging equal-sized neighbours while appending, then folding right to left,
        // gives exactly the split at the largest power of two smaller than n at every level.
        byte[][] stack = new byte[65][];
        long[] sizes = new long[65];
        int top = 0;
        for (long i = from; i < to; i++) {
            stack[top] = leafHashes.get((int) i);
            sizes[top] = 1;
            top++;
            while (top > 1 && sizes[top - 1] == sizes[top - 2]) {
                stack[top - 2] = nodeHash(stack[top - 2], stack[top - 1]);
                sizes[top - 2] *= 2;
                top--;
            }
        }
        byte[] hash = stack[--top];
        while (top > 0) {
            hash = nodeHash(stack[--top], hash);
        }
        return hash;
    }

    /** PATH(index, D[size]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, long index, long size) {
        if (size > leafHashes.size() || index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size + " (" + leafHashes.size() + " known)");
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafHashes, index, 0, size, proof);
        return proof;
    }

    private static void path(List<byte[]> leaves, long m, long from, long to, List<byte[]> proof) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(leaves, m, from, from + k, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 §2.1.3.2. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** PROOF(m, D[n]): shows the tree of the first {@code m} leaves is a prefix of the tree of the first {@code n}. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, long m, long n) {
        if (n > leafHashes.size() || m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n + " (" + leafHashes.size() + " known)");
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(leafHashes, m, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, long m, long from, long to, boolean whole, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(root(leaves, from, to));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 §2.1.4.2; a tree of 0 leaves is consistent with any tree, and equal sizes need equal roots. */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstHash) && MessageDigest.isEqual(sr, secondHash);
    }

    /** The largest power of two smaller than n (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** Hex of a hash, for messages and tests. */
    public static String hex(byte[] hash) {
        StringBuilder text = new StringBuilder(hash.length * 2);
        for (byte b : hash) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }

    public static byte[] unhex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd-length hex '" + hex + "'");
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
