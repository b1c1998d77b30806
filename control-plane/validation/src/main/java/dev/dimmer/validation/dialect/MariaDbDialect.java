package dev.dimmer.validation.dialect;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/** MariaDB 10.7 or later and MySQL 8; the session runs in UTC so TIMESTAMP columns render in UTC. */
public final class MariaDbDialect implements Dialect {
    private final boolean mysql;

    public MariaDbDialect() {
        this(false);
    }

    /** MySQL shares MariaDB's SQL here but for how a statement's time is limited. */
    public MariaDbDialect(boolean mysql) {
        this.mysql = mysql;
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String sessionSetup(long statementTimeoutMillis) {
        return "SET SESSION time_zone = '+00:00', " + (mysql
                ? "SESSION max_execution_time = " + statementTimeoutMillis
                : "SESSION max_statement_time = " + (statementTimeoutMillis / 1000.0));
    }

    @Override
    public String readOnlySession() {
        return "SET SESSION TRANSACTION READ ONLY";
    }

    @Override
    public String readWriteSession() {
        return "SET SESSION TRANSACTION READ WRITE";
    }

    @Override
    public boolean refusedAsReadOnly(SQLException e) {
        // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
        return e.getErrorCode() == 1792 || "25006".equals(e.getSQLState());
    }

    @Override
    public String canonical(Column column) {
        String c = quote(column.name());
        return switch (column.kind()) {
            case INTEGER -> "CAST(" + c + " AS CHAR)";
            case DECIMAL -> column.scale() > 0 ? trimZeros("CAST(" + c + " AS CHAR)") : "CAST(" + c + " AS CHAR)";
            case FLOAT -> PostgresDialect.floatCanonical(c, "1152921504606846976e0",
                    trimZeros("CAST(CAST(%s AS CHAR) AS DECIMAL(65,30))"),
                    "REGEXP_REPLACE(REPLACE(CAST(%s AS CHAR), 'e+', 'e'), 'e(-?)0+', 'e\\\\1')",
                    "CONCAT('2^-60*', %s)");
            case BOOLEAN -> "CASE WHEN " + c + " <> 0 THEN '1' WHEN " + c + " = 0 THEN '0' END";
            case TEXT, OTHER -> column.utf8() ? c : "CONVERT(" + c + " USING utf8mb4)";
            case DATE -> "CAST(" + c + " AS CHAR)";
            // Fractional seconds print with all the column's digits: drop trailing zeros, and the dot after them.
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> column.scale() > 0 ? trimZeros("CAST(" + c + " AS CHAR)")
                    : "CAST(" + c + " AS CHAR)";
            case BINARY -> "LOWER(HEX(" + c + "))";
            case UUID -> "LOWER(CAST(" + c + " AS CHAR))";
        };
    }

    private static String trimZeros(String decimalText) {
        return "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM " + decimalText + "))";
    }

    @Override
    public String canonicalRowHash(List<Column> columns) {
        return "CAST(CONV(SUBSTRING(MD5(" + rowText(columns, "CHAR_LENGTH", "CONCAT_WS")
                + "), 1, 15), 16, 10) AS UNSIGNED)";
    }

    @Override
    public String byteOrdered(Column column) {
        return "CAST(CONVERT(" + quote(column.name()) + " USING utf8mb4) AS BINARY)";
    }

    @Override
    public String integerDivision(String dividend, String divisor) {
        return "(" + dividend + ") DIV (" + divisor + ")";
    }

    @Override
    public String concat(String... parts) {
        return "CONCAT(" + String.join(", ", parts) + ")";
    }

    /** The driver reports no decimal digits for temporal types; their display size tells the fractional digits. */
    @Override
    public int scaleOf(ValueKind kind, int decimalDigits, int columnSize) {
        return switch (kind) {
            case TIMESTAMP, TIMESTAMP_TZ -> Math.max(0, columnSize - 20);
            case TIME -> Math.max(0, columnSize - 11);
            default -> decimalDigits;
        };
    }

    @Override
    public ValueKind kindOf(int jdbcType, String typeName) {
        String type = typeName.toLowerCase(Locale.ROOT).replace(" unsigned", "");
        if (jdbcType == Types.BIT || jdbcType == Types.BOOLEAN) {
            return ValueKind.BOOLEAN;
        }
        return switch (type) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year" -> ValueKind.INTEGER;
            case "decimal", "numeric" -> ValueKind.DECIMAL;
            case "float", "double", "real" -> ValueKind.FLOAT;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json" ->
                    ValueKind.TEXT;
            case "date" -> ValueKind.DATE;
            case "time" -> ValueKind.TIME;
            case "datetime" -> ValueKind.TIMESTAMP;
            case "timestamp" -> ValueKind.TIMESTAMP_TZ;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> ValueKind.BINARY;
            case "uuid" -> ValueKind.UUID;
            default -> ValueKind.OTHER;
        };
    }
}
