package dev.dimmer.validation.checksum;

import dev.dimmer.validation.Database;
import dev.dimmer.validation.ResultReader;
import dev.dimmer.validation.dialect.Column;
import dev.dimmer.validation.dialect.Dialect;
import dev.dimmer.validation.dialect.ValueKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.util.PGobject;

/**
 * The statements the checksum diff runs on one side, each computed inside the database: only counts, sums,
 * boundaries and the rows of small mismatching segments ever cross the wire.
 */
public final class SideQueries {
    private final Database database;
    private final Dialect dialect;
    private final String table;
    private final List<Column> key;
    private final List<Column> compared;
    private final String where;
    private final String rowHash;
    private final boolean byteKeyOrder;
    private final AtomicInteger statements = new AtomicInteger();

    public SideQueries(Database database, String table, List<Column> key, List<Column> compared, String where,
                       String rowHash, boolean byteKeyOrder) {
        this.database = database;
        this.dialect = database.dialect();
        this.table = table;
        this.key = key;
        this.compared = compared;
        this.where = where;
        this.rowHash = rowHash;
        this.byteKeyOrder = byteKeyOrder;
    }

    public Database database() {
        return database;
    }

    Dialect dialect() {
        return dialect;
    }

    List<Column> key() {
        return key;
    }

    String table() {
        return table;
    }

    List<Column> compared() {
        return compared;
    }

    String rowHash() {
        return rowHash;
    }

    public int keySize() {
        return key.size();
    }

    public int statements() {
        return statements.get();
    }

    /** Smallest and largest value of a single integer key, or null when no row matches. */
    public CompletableFuture<long[]> integerKeyRange() {
        String k = dialect.quote(key.get(0).name());
        return run("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + table + filter(null), List.of(), rows -> {
            rows.next();
            Object min = rows.getObject(1);
            return min == null ? null : new long[] {rows.getLong(1), rows.getLong(2)};
        });
    }

    /** Count and hash sum of every part of {@code segment}, split into equal-width integer buckets. */
    public CompletableFuture<Map<Long, Checksum>> integerBuckets(IntegerSegment segment, long width) {
        String k = dialect.quote(key.get(0).name());
        String bucket = dialect.integerDivision(k + " - ?", "?");
        SqlFragment range = range(segment);
        List<Object> binds = new ArrayList<>(List.of(segment.low(), width));
        binds.addAll(range.binds());
        return buckets(bucket, binds, range.sql());
    }

    /** The first pass over the whole key range; see {@link FirstIntegerPass}. */
    public CompletableFuture<Map<Long, Checksum>> firstIntegerBuckets(IntegerSegment whole, long width) {
        return new FirstIntegerPass(this).buckets(whole, width);
    }

    /** Count and hash sum of every part of {@code segment} cut at {@code boundaries} (bucket i ends before i). */
    public CompletableFuture<Map<Long, Checksum>> tupleBuckets(TupleSegment segment, List<List<Object>> boundaries) {
        StringBuilder bucket = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        bucketOf(boundaries, 0, boundaries.size(), bucket, binds);
        SqlFragment range = range(segment);
        binds.addAll(range.binds());
        return buckets(bucket.toString(), binds, range.sql());
    }

    /**
     * The bucket of a row among boundaries {@code from..to} as nested CASEs that halve the range each time, so
     * a row takes about log2(parts) comparisons rather than one per boundary.
     */
    private void bucketOf(List<List<Object>> boundaries, int from, int to, StringBuilder sql, List<Object> binds) {
        if (from == to) {
            sql.append(from);
            return;
        }
        int middle = (from + to) / 2;
        sql.append("CASE WHEN ").append(keyRow()).append(" < ").append(placeholders()).append(" THEN ");
        binds.addAll(bindable(boundaries.get(middle)));
        bucketOf(boundaries, from, middle, sql, binds);
        sql.append(" ELSE ");
        bucketOf(boundaries, middle + 1, to, sql, binds);
        sql.append(" END");
    }

    /** Keys that cut {@code segment} into parts of about {@code step} rows, in key order. */
    public CompletableFuture<List<List<Object>>> boundaries(TupleSegment segment, long step) {
        String keys = keyList();
        SqlFragment range = range(segment);
        String sql = "SELECT " + keys + " FROM (SELECT " + keys + ", ROW_NUMBER() OVER (ORDER BY " + orderedKeyList()
                + ") AS dimmer_rn FROM " + table + filter(range.sql()) + ") q WHERE MOD(dimmer_rn, ?) = 0"
                + " ORDER BY dimmer_rn";
        List<Object> binds = new ArrayList<>(range.binds());
        binds.add(step);
        return run(sql, binds, rows -> {
            List<List<Object>> found = new ArrayList<>();
            while (rows.next()) {
                List<Object> tuple = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    tuple.add(rows.getObject(i));
                }
                found.add(tuple);
            }
            return found;
        });
    }

    /** The key values and canonical texts of every row of a (small) segment. */
    public CompletableFuture<List<RowImage>> rows(Segment segment) {
        StringBuilder select = new StringBuilder(keyList());
        for (Column column : compared) {
            select.append(", ").append(dialect.canonical(column));
        }
        SqlFragment range = range(segment);
        return run("SELECT " + select + " FROM " + table + filter(range.sql()), range.binds(), rows -> {
            List<RowImage> images = new ArrayList<>();
            while (rows.next()) {
                List<Object> keyValues = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    keyValues.add(rows.getObject(i));
                }
                List<String> values = new ArrayList<>();
                for (int i = 0; i < compared.size(); i++) {
                    values.add(rows.getString(key.size() + 1 + i));
                }
                images.add(new RowImage(keyValues, values));
            }
            return images;
        });
    }

    CompletableFuture<Map<Long, Checksum>> buckets(String bucket, List<Object> binds, String range) {
        String sql = "SELECT " + bucket + " AS dimmer_bucket, COUNT(*), SUM(" + rowHash + ") FROM " + table
                + filter(range) + " GROUP BY 1";
        return run(sql, binds, rows -> {
            Map<Long, Checksum> sums = new HashMap<>();
            while (rows.next()) {
                BigDecimal sum = rows.getBigDecimal(3);
                sums.put(rows.getLong(1), new Checksum(rows.getLong(2),
                        sum == null ? BigInteger.ZERO : sum.toBigIntegerExact()));
            }
            return sums;
        });
    }

    <T> CompletableFuture<T> run(String sql, List<Object> binds,
                                         ResultReader<T> reader) {
        statements.incrementAndGet();
        return database.submit(sql, binds, reader);
    }

    private SqlFragment range(Segment segment) {
        if (segment instanceof IntegerSegment integer) {
            return new SqlFragment(dialect.quote(key.get(0).name()) + " BETWEEN ? AND ?",
                    List.of(integer.low(), integer.high()));
        }
        TupleSegment tuple = (TupleSegment) segment;
        List<String> parts = new ArrayList<>();
        List<Object> binds = new ArrayList<>();
        if (tuple.lower() != null) {
            parts.add(keyRow() + " >= " + placeholders());
            binds.addAll(bindable(tuple.lower()));
        }
        if (tuple.upper() != null) {
            parts.add(keyRow() + " < " + placeholders());
            binds.addAll(bindable(tuple.upper()));
        }
        if (parts.isEmpty()) {
            // Rows whose key is NULL belong to no range; leave them out everywhere so that counts agree with
            // the ranges drilled into (pk_uniqueness reports them).
            for (Column column : key) {
                parts.add(dialect.quote(column.name()) + " IS NOT NULL");
            }
        }
        return new SqlFragment(parts.isEmpty() ? null : String.join(" AND ", parts), binds);
    }

    String filter(String range) {
        List<String> parts = new ArrayList<>();
        if (range != null) {
            parts.add(range);
        }
        if (where != null && !where.isBlank()) {
            parts.add("(" + where + ")");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private String keyList() {
        List<String> names = new ArrayList<>();
        for (Column column : key) {
            names.add(dialect.quote(column.name()));
        }
        return String.join(", ", names);
    }

    /**
     * Key columns as compared and sorted. Across engines, text and uuid keys are compared by their UTF-8 bytes so
     * that both sides agree on which rows a range holds, whatever each column's collation (or MariaDB's uuid
     * order); within one engine the columns' own order serves and keeps the key's index usable.
     */
    private String orderedKeyList() {
        List<String> names = new ArrayList<>();
        for (Column column : key) {
            names.add(byteOrdered(column) ? dialect.byteOrdered(column) : dialect.quote(column.name()));
        }
        return String.join(", ", names);
    }

    private boolean byteOrdered(Column column) {
        return byteKeyOrder && (column.kind() == ValueKind.TEXT || column.kind() == ValueKind.UUID
                || column.kind() == ValueKind.OTHER);
    }

    private String keyRow() {
        return key.size() == 1 ? orderedKeyList() : "(" + orderedKeyList() + ")";
    }

    private String placeholders() {
        List<String> marks = new ArrayList<>();
        for (Column column : key) {
            marks.add(byteOrdered(column) ? "?" : dialect.placeholder(column.kind()));
        }
        return key.size() == 1 ? marks.get(0) : "(" + String.join(", ", marks) + ")";
    }

    /** Key values read from one engine, in a form the other engine's driver binds. */
    private static List<Object> bindable(List<Object> tuple) {
        List<Object> values = new ArrayList<>();
        for (Object value : tuple) {
            values.add(value instanceof UUID || value instanceof PGobject
                    ? value.toString() : value);
        }
        return values;
    }
}
