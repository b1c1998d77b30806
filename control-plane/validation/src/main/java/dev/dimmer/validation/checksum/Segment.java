package dev.dimmer.validation.checksum;

/** A contiguous range of the key, the unit that is checksummed and bisected. */
public sealed interface Segment permits IntegerSegment, TupleSegment {
}
