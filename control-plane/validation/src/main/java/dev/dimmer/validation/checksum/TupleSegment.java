package dev.dimmer.validation.checksum;

import java.util.List;

/**
 * Keys from {@code lower} (included) to {@code upper} (excluded) in the key's order, compared as row values so
 * composite, text and uuid keys work alike; a null bound is open.
 */
public record TupleSegment(List<Object> lower, List<Object> upper) implements Segment {
    public static final TupleSegment WHOLE = new TupleSegment(null, null);
}
