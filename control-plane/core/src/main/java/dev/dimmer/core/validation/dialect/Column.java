package dev.dimmer.core.validation.dialect;

/** A column as read from the catalog: its name, its canonical kind, the engine's type name and its scale. */
public record Column(String name, ValueKind kind, String typeName, int scale) {
}
