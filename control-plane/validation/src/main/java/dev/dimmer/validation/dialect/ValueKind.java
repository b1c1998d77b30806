package dev.dimmer.validation.dialect;

/**
 * The families of column types that have a canonical text form (see docs/validation.md). Both engines render a
 * value of one kind to the same text, so cross-engine hashes agree.
 */
public enum ValueKind {
    INTEGER,
    DECIMAL,
    FLOAT,
    BOOLEAN,
    TEXT,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_TZ,
    BINARY,
    UUID,
    OTHER;

    /** Whether the canonical text may contain any character, so it needs a length prefix to stay unambiguous. */
    public boolean freeText() {
        return this == TEXT || this == OTHER;
    }
}
