package dev.dimmer.validation.dialect;

/**
 * A column as read from the catalog: its name, its canonical kind, the engine's type name, its scale, whether it
 * may hold NULL, and whether its text is already stored as UTF-8 (so hashing needs no conversion).
 */
public record Column(String name, ValueKind kind, String typeName, int scale, boolean nullable, boolean utf8) {
}
