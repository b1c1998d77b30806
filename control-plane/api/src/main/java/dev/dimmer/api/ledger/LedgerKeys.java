package dev.dimmer.api.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Ed25519 key pairs for signing checkpoints: generate, PEM (PKCS#8 / SubjectPublicKeyInfo), C2SP key ids. */
public final class LedgerKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final byte ED25519_SIGNATURE_TYPE = 0x01;

    private LedgerKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** The key pair of a private key: the JDK derives the public half when handed the private seed as its randomness. */
    public static KeyPair pairOf(PrivateKey privateKey) {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key hides its bytes"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            return new KeyPair(pair.getPublic(), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the Ed25519 public key", e);
        }
    }

    /** A PKCS#8 private key from PEM ("-----BEGIN PRIVATE KEY-----") or from bare base64 of its DER. */
    public static PrivateKey readPrivate(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(text, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key (PEM or base64): " + e.getMessage(), e);
        }
    }

    /** An X.509 SubjectPublicKeyInfo public key from PEM ("-----BEGIN PUBLIC KEY-----") or bare base64. */
    public static PublicKey readPublic(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(text, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (PEM or base64): " + e.getMessage(), e);
        }
    }

    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** The 32 raw bytes of an Ed25519 public key (the tail of its SubjectPublicKeyInfo). */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** C2SP signed-note key hash: the first 4 bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key). */
    public static byte[] keyHash(String keyName, PublicKey key) {
        MessageDigest digest = Leaf.sha256();
        digest.update(keyName.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x0A);
        digest.update(ED25519_SIGNATURE_TYPE);
        digest.update(raw(key));
        return Arrays.copyOf(digest.digest(), 4);
    }

    /** The C2SP verifier key "name+hex(key hash)+base64(0x01 ‖ public key)", as note and witness tools take it. */
    public static String verifierKey(String keyName, PublicKey key) {
        byte[] typed = new byte[33];
        typed[0] = ED25519_SIGNATURE_TYPE;
        System.arraycopy(raw(key), 0, typed, 1, 32);
        return keyName + "+" + MerkleTree.hex(keyHash(keyName, key)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    private static byte[] der(String text, String label) {
        String body = text.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    private static final class FixedRandom extends SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 asked for " + bytes.length + " random bytes, expected " + seed.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
