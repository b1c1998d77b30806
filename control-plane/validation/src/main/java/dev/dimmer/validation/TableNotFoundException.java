package dev.dimmer.validation;

/** A compared table that one side does not have; {@code side} is the database's label (source or target). */
public final class TableNotFoundException extends ValidationException {
    private final String side;

    public TableNotFoundException(String side, String message) {
        super(message);
        this.side = side;
    }

    public String side() {
        return side;
    }
}
