package dev.dimmer.validation.dialect;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/** PostgreSQL 13 or later (trim_scale); the native row hash needs 14 or later. */
public final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String sessionSetup(long statementTimeoutMillis) {
        // enable_sort = off: the planner takes a computed bucket to have as many values as the key has rows and
        // would sort the whole table on disk to group it; hashing a few thousand groups in memory is far cheaper.
        // No JIT inlining or optimisation: LLVM spends seconds on the nested CASE that buckets tuple keys, and
        // the calls to hash and md5 functions that dominate these statements gain nothing from it.
        return "SET statement_timeout = " + statementTimeoutMillis + "; SET TimeZone = 'UTC'; "
                + "SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; SET enable_sort = off; "
                + "SET jit_inline_above_cost = -1; SET jit_optimize_above_cost = -1";
    }

    @Override
    public String readOnlySession() {
        return "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
    }

    @Override
    public String readWriteSession() {
        return "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE";
    }

    @Override
    public boolean refusedAsReadOnly(SQLException e) {
        return "25006".equals(e.getSQLState());
    }

    @Override
    public String canonical(Column column) {
        String c = quote(column.name());
        return switch (column.kind()) {
            case INTEGER, TEXT, UUID, OTHER -> c + "::text";
            case DECIMAL -> "trim_scale(" + c + ")::text";
            case FLOAT -> floatCanonical(c, "float8 '1152921504606846976'", "trim_scale(%s::text::numeric)::text",
                    "regexp_replace(replace(%s::text, 'e+', 'e'), 'e(-?)0+', 'e\\1')", "'2^-60*' || %s");
            case BOOLEAN -> "CASE WHEN " + c + " THEN '1' WHEN NOT " + c + " THEN '0' END";
            // ISO output already drops trailing zeros of the fraction, as the canonical form does.
            case DATE, TIME, TIMESTAMP -> c + "::text";
            case TIMESTAMP_TZ -> "(" + c + " AT TIME ZONE 'UTC')::text";
            case BINARY -> "encode(" + c + ", 'hex')";
        };
    }

    /**
     * Both engines print a float's shortest round-trip digits but lay them out differently (PostgreSQL '1.5e-07',
     * MariaDB '0.00000015'), so the layout is fixed here: plain decimal digits within [1e-13, 1e35), where MariaDB's
     * DECIMAL(65,30) holds 17 significant digits exactly; below that down to 1e-30, the value times 2^60 (an exact
     * scaling, so still one text per value) marked '2^-60*'; beyond, the exponent form as 'e-7' / 'e40', which
     * both engines use there.
     */
    static String floatCanonical(String c, String twoToThe60, String plain, String exponent, String marked) {
        String scaled = "(" + c + " * " + twoToThe60 + ")";
        return "CASE WHEN " + c + " = 0 THEN '0' WHEN ABS(" + c + ") >= 1e-13 AND ABS(" + c + ") < 1e35 THEN "
                + plain.formatted(c) + " WHEN ABS(" + c + ") >= 1e-30 AND ABS(" + c + ") < 1e-13 THEN "
                + marked.formatted(plain.formatted(scaled)) + " ELSE " + exponent.formatted(c) + " END";
    }

    @Override
    public String canonicalRowHash(List<Column> columns) {
        return "('x' || substr(md5(" + rowText(columns, "length", "concat_ws") + "), 1, 15))::bit(60)::bigint";
    }

    /**
     * Same-engine hash: hash_record_extended runs each column type's extended hash function, the one hash
     * partitioning routes rows by. Those functions must give the same answer on every platform and release (hash
     * partitions survive pg_upgrade), so for identical column types and deterministic collations equal rows hash
     * equal on both sides; values the type calls equal (numeric 1.10 and 1.1) hash equal, as in the canonical form.
     */
    public String nativeRowHash(List<Column> columns) {
        StringBuilder row = new StringBuilder();
        for (Column column : columns) {
            row.append(row.length() == 0 ? "" : ", ").append(quote(column.name()));
        }
        return "hash_record_extended(ROW(" + row + "), 0)";
    }

    @Override
    public String byteOrdered(Column column) {
        return "(" + quote(column.name()) + "::text COLLATE \"C\")";
    }

    @Override
    public String integerDivision(String dividend, String divisor) {
        return "(" + dividend + ") / (" + divisor + ")";
    }

    @Override
    public String placeholder(ValueKind kind) {
        return kind == ValueKind.UUID ? "CAST(? AS uuid)" : "?";
    }

    @Override
    public String concat(String... parts) {
        return String.join(" || ", parts);
    }

    @Override
    public ValueKind kindOf(int jdbcType, String typeName) {
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "int2", "int4", "int8", "smallint", "integer", "bigint", "serial", "bigserial", "smallserial" ->
                    ValueKind.INTEGER;
            case "numeric", "decimal" -> ValueKind.DECIMAL;
            case "float4", "float8", "real", "double precision" -> ValueKind.FLOAT;
            case "bool", "boolean" -> ValueKind.BOOLEAN;
            case "text", "varchar", "bpchar", "char", "name", "citext" -> ValueKind.TEXT;
            case "date" -> ValueKind.DATE;
            case "time" -> ValueKind.TIME;
            case "timestamp" -> ValueKind.TIMESTAMP;
            case "timestamptz" -> ValueKind.TIMESTAMP_TZ;
            case "bytea" -> ValueKind.BINARY;
            case "uuid" -> ValueKind.UUID;
            default -> jdbcType == Types.VARCHAR ? ValueKind.TEXT : ValueKind.OTHER;
        };
    }
}
