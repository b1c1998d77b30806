package dev.dimmer.validation;

/** How rows are hashed inside each database. */
public enum HashMode {
    /** PostgreSQL on both sides with identical column types: hash_record_extended, no text rendering. */
    POSTGRES_NATIVE,
    /** md5 of the canonical text of each row: the same on every engine. */
    CANONICAL_MD5
}
