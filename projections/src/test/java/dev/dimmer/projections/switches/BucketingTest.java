package dev.dimmer.projections.switches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bucketing rule of docs/switches.md, with its vectors (computed here and by an independent murmur3 written
 * from the reference, docs/switches.md), its split and its ramp.
 */
class BucketingTest {
    private static final int KEYS = 100_000;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "orders-read-path|customer-1|1f77d5ef|12",
            "orders-read-path|customer-2|b576aa56|70",
            "orders-read-path|customer-42|f099abe4|93",
            "orders-read-path|user@example.com|a74061ce|65",
            "customers-read-path|customer-1|7c4641d8|48",
            "semantic-sales|job-nightly-rollup|1c867963|11",
            "semantic-sales|ü-ñ-日本|8a82236c|54",
            "reco-feature-reads|''|8d626eba|55"})
    void shouldMatchTheDocumentedVectors(String switchKey, String targetingKey, String hash, int bucket) {
        byte[] bytes = (switchKey + targetingKey).getBytes(StandardCharsets.UTF_8);
        assertThat(Integer.toHexString(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0))).isEqualTo(hash);
        assertThat(Bucketing.bucket(switchKey, targetingKey)).isEqualTo(bucket);
    }

    @Test
    void shouldMatchTheReferenceHashOfKnownStrings() {
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(MurmurHash3.hash32x86(fox, 0, fox.length, 0)).isEqualTo(0x2e4ff723);
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(MurmurHash3.hash32x86(hello, 0, hello.length, 0)).isEqualTo(0x248bfa47);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10, 25, 50, 75, 99})
    void shouldSplitWithinOnePercentOverAHundredThousandKeys(int weight) {
        int onTarget = 0;
        for (int i = 0; i < KEYS; i++) {
            if (Bucketing.onTarget("orders-read-path", "customer-" + i, weight)) {
                onTarget++;
            }
        }
        assertThat(onTarget * 100.0 / KEYS).isCloseTo(weight, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void shouldKeepEveryKeyOnTheTargetAsTheWeightRises() {
        int[] ramp = {1, 5, 10, 25, 50, 75, 99, 100};
        for (int i = 0; i < KEYS; i++) {
            String key = "reader-" + i;
            boolean wasOnTarget = false;
            for (int weight : ramp) {
                boolean onTarget = Bucketing.onTarget("semantic-sales", key, weight);
                assertThat(onTarget || !wasOnTarget).as("%s left the target at %d%%", key, weight).isTrue();
                wasOnTarget = onTarget;
            }
            assertThat(wasOnTarget).isTrue();
        }
    }

    @Test
    void shouldKeepBucketsWithinZeroToNinetyNine() {
        for (int i = 0; i < KEYS; i++) {
            assertThat(Bucketing.bucket("s", Integer.toString(i))).isBetween(0, 99);
        }
        assertThat(Bucketing.onTarget("s", "any", 0)).isFalse();
    }
}
