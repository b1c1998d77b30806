package dev.dimmer.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final String ORIGIN = "dimmer.test/audit";
    private static final KeyPair KEYS = LedgerKeys.generate();
    private static final byte[] ROOT = Leaf.hash(new byte[0]);

    @Test
    void shouldWriteTheC2spCheckpointBody() {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, MerkleTree.unhex(
                "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"), List.of("time 2026-12-01T10:00:00Z"));
        assertThat(checkpoint.body()).isEqualTo(
                "dimmer.test/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntime 2026-12-01T10:00:00Z\n");
    }

    @Test
    void canSignParseAndVerify() {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 42, ROOT, List.of("time 2026-12-01T10:00:00Z"));
        String note = checkpoint.sign(ORIGIN, KEYS.getPrivate(), KEYS.getPublic());

        assertThat(note).startsWith(checkpoint.body() + "\n\u2014 " + ORIGIN + " ");
        assertThat(Checkpoint.parse(note)).isEqualTo(checkpoint);
        assertThat(Checkpoint.verify(note, KEYS.getPublic())).isEqualTo(checkpoint);
    }

    @Test
    void cannotVerifyAnEditedBodyOrAnotherKey() {
        String note = new Checkpoint(ORIGIN, 42, ROOT).sign(ORIGIN, KEYS.getPrivate(), KEYS.getPublic());

        assertThatThrownBy(() -> Checkpoint.verify(note.replace("\n42\n", "\n43\n"), KEYS.getPublic()))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> Checkpoint.verify(note, LedgerKeys.generate().getPublic()))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> Checkpoint.verify(note, "someone.else", KEYS.getPublic()))
                .hasMessageContaining("no signature by");
    }

    @Test
    void shouldComputeTheC2spKeyHash() {
        String vkey = LedgerKeys.verifierKey(ORIGIN, KEYS.getPublic());
        assertThat(vkey).matches("dimmer\\.test/audit\\+[0-9a-f]{8}\\+[A-Za-z0-9+/=]{44}");
    }

    @Test
    void canRoundTripKeysThroughPemAndDeriveThePublicHalf() {
        var privateKey = LedgerKeys.readPrivate(LedgerKeys.pem(KEYS.getPrivate()));
        var publicKey = LedgerKeys.readPublic(LedgerKeys.pem(KEYS.getPublic()));
        assertThat(LedgerKeys.pairOf(privateKey).getPublic().getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());

        String bare = LedgerKeys.pem(KEYS.getPrivate()).lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        String note = new Checkpoint(ORIGIN, 1, ROOT).sign(ORIGIN, LedgerKeys.readPrivate(bare), publicKey);
        assertThat(Checkpoint.verify(note, publicKey).treeSize()).isEqualTo(1);
    }

    @Test
    void cannotReadGarbageAsAKey() {
        assertThatThrownBy(() -> LedgerKeys.readPrivate("not a key")).hasMessageContaining("PKCS#8");
    }

    @Test
    void cannotVerifyASignedNoteWithoutItsFinalNewline() {
        // given a note whose final newline was cut off, as a copy and paste does
        String note = new Checkpoint(ORIGIN, 42, ROOT).sign(ORIGIN, KEYS.getPrivate(), KEYS.getPublic());
        String cut = note.substring(0, note.length() - 1);

        // when it is verified, then it is refused with the reason
        assertThatThrownBy(() -> Checkpoint.verify(cut, KEYS.getPublic()))
                .hasMessageContaining("does not end with a newline");
        assertThat(Checkpoint.verify(note, KEYS.getPublic()).treeSize()).isEqualTo(42);
    }

    @Test
    void shouldIgnoreAnotherKeysSignatureLinesAndSplitAtTheLastBlankLine() {
        // given our note with a witness's line before ours and a same-name line of another key
        KeyPair witness = LedgerKeys.generate();
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 7, ROOT, List.of("time 2026-12-01T10:00:00Z"));
        String ours = checkpoint.sign(ORIGIN, KEYS.getPrivate(), KEYS.getPublic());
        String theirs = checkpoint.sign("witness.example/w1", witness.getPrivate(), witness.getPublic());
        String sameName = checkpoint.sign(ORIGIN, witness.getPrivate(), witness.getPublic());
        String body = checkpoint.body() + "\n";
        String note = body + theirs.substring(body.length()) + sameName.substring(body.length())
                + ours.substring(body.length());

        // when it is verified with our key, then our line counts and the others are skipped
        assertThat(Checkpoint.verify(note, KEYS.getPublic())).isEqualTo(checkpoint);
        assertThat(Checkpoint.verify(note, "witness.example/w1", witness.getPublic())).isEqualTo(checkpoint);
    }

    @Test
    void cannotReadNonCanonicalBase64InASignedNote() {
        // given a note whose root line's last character before '=' differs in its unused bits only
        String note = new Checkpoint(ORIGIN, 42, ROOT).sign(ORIGIN, KEYS.getPrivate(), KEYS.getPublic());
        String root = java.util.Base64.getEncoder().encodeToString(ROOT);
        String loose = sameBytes(root);
        assertThat(java.util.Base64.getDecoder().decode(loose)).isEqualTo(ROOT);

        // when it is read, then it is refused and the field is named
        assertThatThrownBy(() -> Checkpoint.verify(note.replace(root, loose), KEYS.getPublic()))
                .hasMessageContaining("root hash line is not canonical base64");
        assertThatThrownBy(() -> CanonicalBase64.decode("Zh==", "payload_base64"))
                .hasMessageContaining("payload_base64 is not canonical base64");
        assertThatThrownBy(() -> CanonicalBase64.decode("Zg", "leaf_hash")).hasMessageContaining("leaf_hash");
        assertThat(CanonicalBase64.decode("Zg==", "x")).containsExactly(0x66);
    }

    /** The same bytes with the unused low bits of the last character before '=' set. */
    static String sameBytes(String canonical) {
        int at = canonical.indexOf('=') - 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int unused = canonical.endsWith("==") ? 0x0F : 0x03;
        char changed = alphabet.charAt(alphabet.indexOf(canonical.charAt(at)) | unused);
        return canonical.substring(0, at) + changed + canonical.substring(at + 1);
    }
}
