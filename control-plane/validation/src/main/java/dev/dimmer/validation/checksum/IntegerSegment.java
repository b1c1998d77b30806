package dev.dimmer.validation.checksum;

import java.math.BigInteger;

/** Keys {@code low..high}, both included, of a single integer key: split by arithmetic, no boundary query. */
public record IntegerSegment(long low, long high) implements Segment {
    public long width(int parts) {
        BigInteger span = BigInteger.valueOf(high).subtract(BigInteger.valueOf(low)).add(BigInteger.ONE);
        BigInteger[] division = span.divideAndRemainder(BigInteger.valueOf(parts));
        BigInteger width = division[1].signum() == 0 ? division[0] : division[0].add(BigInteger.ONE);
        return width.max(BigInteger.ONE).longValueExact();
    }

    public IntegerSegment bucket(long index, long width) {
        long start = low + index * width;
        long end = high - start < width ? high : start + width - 1;
        return new IntegerSegment(start, end);
    }

    public boolean single() {
        return low == high;
    }
}
