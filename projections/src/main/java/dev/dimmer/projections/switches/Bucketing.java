package dev.dimmer.projections.switches;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Sticky, monotonic buckets a consumer can compute itself, as flagd's fractional does: the 32-bit murmur3 hash
 * (x86 variant, seed 0) of the UTF-8 bytes of switch key + targeting key, read unsigned and scaled to 0..99 as
 * {@code (hash * 100) >>> 32}. A key reads the target when its bucket is below the canary weight, so a key on the
 * target at 10 % stays there at 50 %. Vectors: docs/switches.md.
 */
public final class Bucketing {
    private Bucketing() {
    }

    public static int bucket(String switchKey, String targetingKey) {
        byte[] bytes = (switchKey + targetingKey).getBytes(StandardCharsets.UTF_8);
        int hash = MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
        return (int) ((Integer.toUnsignedLong(hash) * 100) >>> 32);
    }

    /** Whether the key reads the target at this weight (0..100 percent of keys). */
    public static boolean onTarget(String switchKey, String targetingKey, int weight) {
        return bucket(switchKey, targetingKey) < weight;
    }
}
