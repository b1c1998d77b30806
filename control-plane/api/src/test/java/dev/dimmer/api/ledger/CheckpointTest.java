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
}
