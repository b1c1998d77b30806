package dev.dimmer.api.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact binary form of a proof ("dimmer-proof/1", docs/audit.md): an inclusion proof of one event, or a
 * consistency proof of two checkpoints, with the signed checkpoints they lead to, in under 1 KB for a log of a
 * million events. Integers are big-endian; hashes are 32 raw bytes; the signed notes are verbatim UTF-8.
 *
 * <pre>
 * magic 'D' 'M' 'P' 0x01, then kind (1 byte): 0x01 inclusion, 0x02 consistency
 * inclusion:   u8 length + event identifier (UTF-8), i64 position, i64 leaf index, i64 tree size,
 *              32-byte leaf hash, u8 count + count x 32-byte path (leaf to root), u16 length + signed note
 * consistency: i64 from size, i64 to size, u8 count + count x 32-byte path, u16 length + signed note of the
 *              from checkpoint, u16 length + signed note of the to checkpoint
 * </pre>
 */
public final class Proofs {
    private static final byte[] MAGIC = {'D', 'M', 'P', 0x01};
    private static final int INCLUSION = 1;
    private static final int CONSISTENCY = 2;

    private Proofs() {
    }

    /** A proof read from its binary form; nothing in it is trusted until {@link #verify} says so. */
    public sealed interface Proof {
        /** Whether the signatures hold with {@code key} and the path leads to the signed root(s). */
        boolean verify(PublicKey key);
    }

    public record Inclusion(String eventIdentifier, long position, long leafIndex, long treeSize, byte[] leafHash,
                            List<byte[]> path, String signedNote) implements Proof {
        @Override
        public boolean verify(PublicKey key) {
            try {
                Checkpoint signed = Checkpoint.verify(signedNote, key);
                return signed.treeSize() == treeSize
                        && MerkleTree.verifyInclusion(leafHash, leafIndex, treeSize, path, signed.rootHash());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    public record Consistency(long fromSize, long toSize, List<byte[]> path, String fromNote, String toNote)
            implements Proof {
        @Override
        public boolean verify(PublicKey key) {
            try {
                Checkpoint from = Checkpoint.verify(fromNote, key);
                Checkpoint to = Checkpoint.verify(toNote, key);
                return from.treeSize() == fromSize && to.treeSize() == toSize && MerkleTree.verifyConsistency(
                        fromSize, toSize, from.rootHash(), to.rootHash(), path);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    public static byte[] inclusion(String eventIdentifier, long position, long leafIndex, long treeSize,
                                   byte[] leafHash, List<byte[]> path, String signedNote) {
        ByteArrayOutputStream out = start(INCLUSION);
        byte[] id = eventIdentifier.getBytes(StandardCharsets.UTF_8);
        if (id.length > 255) {
            throw new IllegalArgumentException("an event identifier of " + id.length + " bytes does not fit a proof");
        }
        out.write(id.length);
        out.writeBytes(id);
        long8(out, position);
        long8(out, leafIndex);
        long8(out, treeSize);
        hash(out, leafHash);
        path(out, path);
        note(out, signedNote);
        return out.toByteArray();
    }

    public static byte[] consistency(long fromSize, long toSize, List<byte[]> path, String fromNote, String toNote) {
        ByteArrayOutputStream out = start(CONSISTENCY);
        long8(out, fromSize);
        long8(out, toSize);
        path(out, path);
        note(out, fromNote);
        note(out, toNote);
        return out.toByteArray();
    }

    /** Whether these bytes start like a binary proof (and not, say, like JSON). */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length >= MAGIC.length && java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Reads a binary proof; throws IllegalArgumentException saying what is wrong where. */
    public static Proof read(byte[] bytes) {
        if (!isBinary(bytes)) {
            throw new IllegalArgumentException("not a binary Dimmer proof: it must start with 'DMP' and 0x01");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
        try {
            int kind = in.get();
            Proof proof = switch (kind) {
                case INCLUSION -> new Inclusion(text(in, in.get() & 0xFF), in.getLong(), in.getLong(), in.getLong(),
                        hash(in), path(in), text(in, in.getShort() & 0xFFFF));
                case CONSISTENCY -> new Consistency(in.getLong(), in.getLong(), path(in),
                        text(in, in.getShort() & 0xFFFF), text(in, in.getShort() & 0xFFFF));
                default -> throw new IllegalArgumentException("unknown proof kind " + kind + " at byte 4 (1 inclusion, "
                        + "2 consistency)");
            };
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes left over after the proof");
            }
            return proof;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the proof ends early, at byte " + bytes.length);
        }
    }

    private static ByteArrayOutputStream start(int kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.writeBytes(MAGIC);
        out.write(kind);
        return out;
    }

    private static void long8(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }

    private static void hash(ByteArrayOutputStream out, byte[] hash) {
        if (hash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("a hash of " + hash.length + " bytes; SHA-256 has 32");
        }
        out.writeBytes(hash);
    }

    private static void path(ByteArrayOutputStream out, List<byte[]> path) {
        if (path.size() > 255) {
            throw new IllegalArgumentException("a path of " + path.size() + " hashes does not fit a proof");
        }
        out.write(path.size());
        path.forEach(h -> hash(out, h));
    }

    private static void note(ByteArrayOutputStream out, String note) {
        byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("a signed note of " + bytes.length + " bytes does not fit a proof");
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String text(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] hash(ByteBuffer in) {
        byte[] hash = new byte[MerkleTree.HASH_SIZE];
        in.get(hash);
        return hash;
    }

    private static List<byte[]> path(ByteBuffer in) {
        int count = in.get() & 0xFF;
        List<byte[]> path = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            path.add(hash(in));
        }
        return path;
    }
}
