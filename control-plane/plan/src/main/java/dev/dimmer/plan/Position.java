package dev.dimmer.plan;

/** A 1-based line and column in a plan's text; {@link #UNKNOWN} when there is none. */
record Position(int line, int column) {
    static final Position UNKNOWN = new Position(0, 0);
}
