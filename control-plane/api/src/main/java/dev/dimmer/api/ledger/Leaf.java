package dev.dimmer.api.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One stored event in its canonical form, the bytes a ledger leaf hashes. Every column of the event row
 * except {@code global_index} (the leaf's position says where it stands), in this order, each as a
 * 4-byte big-endian length followed by that many bytes; SQL NULL is the length 0xFFFFFFFF and no bytes:
 * event_identifier, aggregate_identifier, sequence_number (decimal ASCII), type (the aggregate type),
 * payload_type, payload_revision, time_stamp (the stored text), payload (bytea as stored), meta_data
 * (bytea as stored). Texts are UTF-8. docs/audit.md describes the same form for auditors.
 */
public record Leaf(
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String aggregateType,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {

    private static final int NULL_LENGTH = -1;

    public byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + length(payload) + length(metaData));
        field(out, text(eventIdentifier));
        field(out, text(aggregateIdentifier));
        field(out, text(Long.toString(sequenceNumber)));
        field(out, text(aggregateType));
        field(out, text(payloadType));
        field(out, text(payloadRevision));
        field(out, text(timeStamp));
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    /** SHA-256(0x00 ‖ canonical form): the RFC 9162 leaf hash of this event. */
    public byte[] hash() {
        return hash(canonical());
    }

    /**
     * The leaf hash of an event given as the bytes the table stores (texts already UTF-8, null for SQL NULL),
     * written straight into {@code digest} (reset first): the same value as {@link #hash()}, with no copy of the
     * canonical form. For verifiers that hash millions of rows.
     */
    public static byte[] hash(MessageDigest digest, byte[] eventIdentifier, byte[] aggregateIdentifier,
                              long sequenceNumber, byte[] aggregateType, byte[] payloadType, byte[] payloadRevision,
                              byte[] timeStamp, byte[] payload, byte[] metaData) {
        digest.reset();
        digest.update((byte) 0x00);
        byte[] length = new byte[4];
        field(digest, length, eventIdentifier);
        field(digest, length, aggregateIdentifier);
        field(digest, length, Long.toString(sequenceNumber).getBytes(StandardCharsets.US_ASCII));
        field(digest, length, aggregateType);
        field(digest, length, payloadType);
        field(digest, length, payloadRevision);
        field(digest, length, timeStamp);
        field(digest, length, payload);
        field(digest, length, metaData);
        return digest.digest();
    }

    private static void field(MessageDigest digest, byte[] length, byte[] bytes) {
        int n = bytes == null ? NULL_LENGTH : bytes.length;
        length[0] = (byte) (n >>> 24);
        length[1] = (byte) (n >>> 16);
        length[2] = (byte) (n >>> 8);
        length[3] = (byte) n;
        digest.update(length);
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    /** A new SHA-256 digest, for {@link #hash(MessageDigest, byte[], byte[], long, byte[], byte[], byte[], byte[], byte[], byte[])}. */
    public static MessageDigest digest() {
        return sha256();
    }

    /** The RFC 9162 leaf hash of any leaf input: SHA-256(0x00 ‖ data). */
    public static byte[] hash(byte[] data) {
        MessageDigest digest = reused();
        digest.update((byte) 0x00);
        return digest.digest(data);
    }

    // a digest per thread, reset by every digest(): looking one up costs more than hashing a node
    private static final ThreadLocal<MessageDigest> REUSED = ThreadLocal.withInitial(Leaf::sha256);

    /** This thread's SHA-256, for one update..digest sequence that does not call back into another. */
    static MessageDigest reused() {
        MessageDigest digest = REUSED.get();
        digest.reset();
        return digest;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        int length = bytes == null ? NULL_LENGTH : bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (bytes != null) {
            out.write(bytes, 0, bytes.length);
        }
    }
}
