package dev.dimmer.validation.checksum;

import java.math.BigInteger;

/** The row count and the exact sum of the 64-bit row hashes of one segment on one side. */
public record Checksum(long count, BigInteger sum) {
    public static final Checksum EMPTY = new Checksum(0, BigInteger.ZERO);

    public Checksum plus(Checksum other) {
        return new Checksum(count + other.count, sum.add(other.sum));
    }
}
