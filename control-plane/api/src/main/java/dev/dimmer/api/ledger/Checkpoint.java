package dev.dimmer.api.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint: "origin\ntree size\nbase64(root hash)\n" plus optional extension lines, signed as a
 * C2SP signed note with Ed25519: after a blank line, "— key name base64(key hash ‖ signature)\n" where the
 * signature covers the body's bytes.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    private static final String DASH = "\u2014 ";

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint needs a one-line origin, got '" + origin + "'");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + treeSize);
        }
        if (rootHash == null || rootHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new IllegalArgumentException("an extension line must be one non-empty line, got '" + line + "'");
            }
        }
    }

    public Checkpoint(String origin, long treeSize, byte[] rootHash) {
        this(origin, treeSize, rootHash, List.of());
    }

    public String body() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(treeSize).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The signed note: body, blank line, one signature line by {@code keyName}. */
    public String sign(String keyName, PrivateKey privateKey, PublicKey publicKey) {
        checkKeyName(keyName);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(body().getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            byte[] line = new byte[4 + signature.length];
            System.arraycopy(LedgerKeys.keyHash(keyName, publicKey), 0, line, 0, 4);
            System.arraycopy(signature, 0, line, 4, signature.length);
            return body() + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the checkpoint: " + e.getMessage(), e);
        }
    }

    /** Reads a signed note's checkpoint without checking any signature. */
    public static Checkpoint parse(String note) {
        int end = bodyEnd(note);
        String[] lines = note.substring(0, end + 1).split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("a checkpoint body has origin, tree size and root hash lines");
        }
        try {
            if (!lines[1].matches("0|[1-9][0-9]*")) {
                throw new IllegalArgumentException("the tree size line '" + lines[1] + "' is not a decimal number "
                        + "without sign or leading zeros");
            }
            long size = Long.parseLong(lines[1]);
            byte[] root = CanonicalBase64.decode(lines[2], "the root hash line");
            List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length - 1));
            return new Checkpoint(lines[0], size, root, extensions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable checkpoint body: " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoint of a note if it carries a valid signature by {@code keyName} with {@code publicKey};
     * otherwise an {@link IllegalArgumentException} that says what is wrong.
     */
    public static Checkpoint verify(String note, String keyName, PublicKey publicKey) {
        Checkpoint checkpoint = parse(note);
        int end = bodyEnd(note);
        byte[] body = note.substring(0, end + 1).getBytes(StandardCharsets.UTF_8);
        byte[] wanted = LedgerKeys.keyHash(keyName, publicKey);
        boolean named = false;
        for (String line : note.substring(end + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                continue;
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(keyName)) {
                continue;
            }
            named = true;
            byte[] signed = CanonicalBase64.decode(parts[1], "the signature by '" + keyName + "'");
            if (signed.length != 68 || !MessageDigest.isEqual(Arrays.copyOf(signed, 4), wanted)) {
                continue;
            }
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(publicKey);
                verifier.update(body);
                if (verifier.verify(Arrays.copyOfRange(signed, 4, signed.length))) {
                    return checkpoint;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot check the signature: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(named
                ? "the signature by '" + keyName + "' does not match this checkpoint and public key"
                : "the checkpoint carries no signature by '" + keyName + "'");
    }

    /** Checks with the origin as key name, the usual choice for a log's own key. */
    public static Checkpoint verify(String note, PublicKey publicKey) {
        return verify(note, parse(note).origin(), publicKey);
    }

    /**
     * Where the body ends: the newline before the last blank line (C2SP signed note). The note must end with a
     * newline, as every signature line does; a note without it was cut, often by a copy and paste.
     */
    private static int bodyEnd(String note) {
        if (note == null || note.isEmpty()) {
            throw new IllegalArgumentException("not a signed note: it is empty");
        }
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note: it does not end with a newline (C2SP signed "
                    + "note: every signature line ends with one); restore the final newline that was cut off");
        }
        int end = note.lastIndexOf("\n\n", note.length() - 2);
        if (end < 0) {
            throw new IllegalArgumentException("not a signed note: no blank line between body and signatures");
        }
        return end;
    }

    private static void checkKeyName(String keyName) {
        if (keyName.isEmpty() || keyName.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
            throw new IllegalArgumentException("a key name has no spaces or '+': '" + keyName + "'");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(treeSize)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + treeSize + ", " + MerkleTree.hex(rootHash) + "]";
    }
}
