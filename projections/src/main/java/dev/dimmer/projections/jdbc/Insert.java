package dev.dimmer.projections.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows a projection only ever adds, keyed so that adding one twice changes nothing: written as
 * {@code INSERT ... ON CONFLICT DO NOTHING} while a processor follows the log, and as {@code COPY} when a rebuild
 * fills tables it emptied in the same transaction. Values are typed by column, so both forms store the same row.
 */
public final class Insert {
    private final String table;
    private final List<Column> columns;
    // made once: every event of a projection writes through the same insert
    private final String sql;
    private final String copy;

    private Insert(String table, List<Column> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
        String names = this.columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        this.sql = "INSERT INTO " + quote(table) + " (" + names + ") VALUES ("
                + this.columns.stream().map(c -> c.kind() == Kind.JSON ? "?::json" : "?")
                        .collect(Collectors.joining(", "))
                + ") ON CONFLICT DO NOTHING";
        this.copy = "COPY " + quote(table) + " (" + names + ") FROM STDIN";
    }

    public static Insert into(String table) {
        return new Insert(table, List.of());
    }

    public Insert bigint(String name) {
        return with(name, Kind.BIGINT);
    }

    public Insert text(String name) {
        return with(name, Kind.TEXT);
    }

    public Insert timestamptz(String name) {
        return with(name, Kind.TIMESTAMPTZ);
    }

    public Insert json(String name) {
        return with(name, Kind.JSON);
    }

    private Insert with(String name, Kind kind) {
        List<Column> more = new ArrayList<>(columns);
        more.add(new Column(name, kind));
        return new Insert(table, more);
    }

    public List<Column> columns() {
        return columns;
    }

    public String sql() {
        return sql;
    }

    public String copy() {
        return copy;
    }

    /** A write of one row with these values, one per column in order. */
    public Row row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " takes " + columns.size() + " values, not " + values.length);
        }
        return new Row(this, values.clone());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * PostgreSQL keeps microseconds; both forms send the instant rounded to them half up, as the JDBC driver
     * rounds, so a rebuilt row equals the row written live.
     */
    static Instant micros(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    public enum Kind { BIGINT, TEXT, TIMESTAMPTZ, JSON }

    public record Column(String name, Kind kind) {
    }

    /** One row to add: binds itself to the INSERT, or is written out as a line of COPY text. */
    public record Row(Insert insert, Object[] values) implements StatementBatch.Binder {
        @Override
        public void bind(PreparedStatement statement) throws SQLException {
            List<Column> columns = insert.columns();
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                int index = i + 1;
                switch (columns.get(i).kind()) {
                    case BIGINT -> {
                        if (value == null) {
                            statement.setNull(index, Types.BIGINT);
                        } else {
                            statement.setLong(index, ((Number) value).longValue());
                        }
                    }
                    case TIMESTAMPTZ -> {
                        if (value == null) {
                            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
                        } else {
                            statement.setTimestamp(index, Timestamp.from(micros((Instant) value)));
                        }
                    }
                    case TEXT, JSON -> statement.setString(index, (String) value);
                }
            }
        }
    }
}
