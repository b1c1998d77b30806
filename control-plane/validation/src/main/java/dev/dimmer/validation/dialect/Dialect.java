package dev.dimmer.validation.dialect;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between engines: identifier quoting, the canonical text of each kind of value, the row hash, and
 * the few statements whose syntax is not shared.
 */
public interface Dialect {
    String name();

    String quote(String identifier);

    /** Session settings that make the canonical forms hold (time zone, date style) and bound every statement. */
    String sessionSetup(long statementTimeoutMillis);

    /**
     * Makes every later transaction of the session read-only, autocommitted statements included, so that a filter
     * or custom SQL calling a function that writes fails instead of changing the user's data.
     */
    String readOnlySession();

    /** Undoes {@link #readOnlySession()} on a connection that goes back to a pool someone else owns. */
    String readWriteSession();

    /** Whether the engine refused a statement because the session is read-only. */
    boolean refusedAsReadOnly(SQLException e);

    /** SQL text of the canonical form of a column, NULL when the column is NULL. */
    String canonical(Column column);

    /** A 60-bit non-negative integer from the md5 of the row's canonical text; identical on every engine. */
    String canonicalRowHash(List<Column> columns);

    /** Integer division of two integer expressions, truncating. */
    String integerDivision(String dividend, String divisor);

    /** A bind placeholder for a key bound of this kind, cast where the engine needs it. */
    default String placeholder(ValueKind kind) {
        return "?";
    }

    ValueKind kindOf(int jdbcType, String typeName);

    /** The fractional digits (scale) of a column from the catalog's figures. */
    default int scaleOf(ValueKind kind, int decimalDigits, int columnSize) {
        return decimalDigits;
    }

    /** The column as a string ordered by its UTF-8 bytes (code point order), the same on every engine. */
    String byteOrdered(Column column);

    default String table(String schema, String table) {
        return schema == null || schema.isEmpty() ? quote(table) : quote(schema) + "." + quote(table);
    }

    static Dialect forProduct(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return new PostgresDialect();
        }
        if (product.contains("mariadb")) {
            return new MariaDbDialect();
        }
        if (product.contains("mysql")) {
            return new MariaDbDialect(true);
        }
        throw new IllegalArgumentException("unsupported database " + productName
                + ": Dimmer compares PostgreSQL and MariaDB/MySQL");
    }

    /**
     * The unambiguous row text both engines hash: fields joined by '|', NULL as 'N', free text prefixed with its
     * length in characters (so a '|' inside a value cannot shift a field boundary); the other kinds never contain
     * '|' nor equal 'N'.
     */
    default String rowText(List<Column> columns, String lengthFunction, String concatWs) {
        StringBuilder fields = new StringBuilder();
        for (Column column : columns) {
            String value = canonical(column);
            String text = column.kind().freeText()
                    ? concat(lengthFunction + "(" + value + ")", "':'", value) : value;
            // A NOT NULL column renders the same with or without the NULL marker; leaving it out saves a call.
            String field = column.nullable() ? "COALESCE(" + text + ", 'N')" : text;
            fields.append(fields.length() == 0 ? "" : ", ").append(field);
        }
        return concatWs + "('|', " + fields + ")";
    }

    /** Concatenation that yields NULL when any part is NULL. */
    String concat(String... parts);
}
