package dev.dimmer.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LeafTest {

    private static Leaf leaf(String payload) {
        return new Leaf("e-1", "m-1", 3, "Migration", "dev.dimmer.X", null, "2026-12-01T10:00:00Z",
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteLengthPrefixedFieldsWithNullAsMinusOne() {
        byte[] canonical = new Leaf("a", "b", 12, null, "t", null, "ts", new byte[] {9}, new byte[0]).canonical();
        assertThat(MerkleTree.hex(canonical)).isEqualTo(
                "0000000161" + "0000000162" + "000000023132" + "ffffffff" + "0000000174" + "ffffffff"
                        + "000000027473" + "0000000109" + "00000000");
    }

    @Test
    void shouldHashWithTheLeafPrefix() {
        Leaf leaf = leaf("{\"a\":1}");
        assertThat(leaf.hash()).isEqualTo(Leaf.hash(leaf.canonical()));
        assertThat(MerkleTree.hex(Leaf.hash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void shouldChangeWithAnyByteOfThePayload() {
        assertThat(leaf("{\"a\":1}").hash()).isNotEqualTo(leaf("{\"a\":2}").hash());
    }

    @Test
    void shouldHashStoredBytesStreamedAsTheCanonicalForm() {
        Leaf leaf = new Leaf("e-ü", "m-1", 12, null, "t", null, "ts", new byte[] {9}, null);
        byte[] streamed = Leaf.hash(Leaf.digest(), utf8("e-ü"), utf8("m-1"), 12, null, utf8("t"), null, utf8("ts"),
                new byte[] {9}, null);
        assertThat(streamed).isEqualTo(leaf.hash());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
