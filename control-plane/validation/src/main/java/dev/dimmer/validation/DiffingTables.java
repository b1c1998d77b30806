package dev.dimmer.validation;

import dev.dimmer.validation.checksum.Bisection;
import dev.dimmer.validation.checksum.BisectionSettings;
import dev.dimmer.validation.checksum.Checksum;
import dev.dimmer.validation.checksum.IntegerSegment;
import dev.dimmer.validation.checksum.LeafReconciliation;
import dev.dimmer.validation.checksum.MultisetComparison;
import dev.dimmer.validation.checksum.RowImage;
import dev.dimmer.validation.checksum.SideQueries;
import dev.dimmer.validation.checksum.TupleSegment;
import dev.dimmer.validation.dialect.Column;
import dev.dimmer.validation.dialect.PostgresDialect;
import dev.dimmer.validation.dialect.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The checksum diff: per-segment counts and hash sums computed inside both databases in parallel, mismatching
 * segments bisected down to a few rows, and only those rows fetched and compared column by column.
 */
public final class DiffingTables {
    private static final int MAX_FIRST_LEVEL_SEGMENTS = 4096;

    public DiffResult diff(Database source, Database target, DiffRequest request, ProgressListener progress) {
        long started = System.nanoTime();
        CompletableFuture<TableShape> sourceRead = CompletableFuture.supplyAsync(
                () -> new ReadingTableShape().read(source, request.sourceTable()));
        TableShape targetShape = new ReadingTableShape().read(target, request.targetTable());
        TableShape sourceShape = Database.await(sourceRead);

        List<String> keyNames = request.key().isEmpty() ? sourceShape.primaryKey() : request.key();
        List<String> names = new ArrayList<>(new LinkedHashSet<>(keyNames));
        for (String name : request.columns().isEmpty() ? columnNames(sourceShape) : request.columns()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        List<Column> sourceColumns = require(sourceShape, names, "source");
        List<Column> targetColumns = require(targetShape, names, "target");
        if (!keyNames.isEmpty()) {
            new RequiringUniqueKey().require(source, sourceShape, target, targetShape, keyNames, request.where());
        }
        HashMode mode = new ChoosingHashMode().choose(source, sourceShape, sourceColumns, target, targetShape,
                targetColumns);
        boolean byteKeyOrder = !source.dialect().name().equals(target.dialect().name());
        SideQueries sourceQueries = side(source, sourceShape, keyNames.size(), sourceColumns, request.where(), mode,
                byteKeyOrder);
        SideQueries targetQueries = side(target, targetShape, keyNames.size(), targetColumns, request.where(), mode,
                byteKeyOrder);
        long catalogDone = System.nanoTime();

        Outcome outcome = keyNames.isEmpty()
                ? unkeyed(sourceQueries, targetQueries, names, request)
                : keyed(sourceQueries, targetQueries, sourceColumns, integerKey(sourceColumns, targetColumns,
                        keyNames.size()), request, progress);
        long finished = System.nanoTime();
        DiffTimings timings = new DiffTimings(millis(finished - started), millis(catalogDone - started),
                millis(outcome.checksumDone - catalogDone), millis(finished - outcome.checksumDone),
                outcome.fetchMillis, sourceQueries.statements() + targetQueries.statements());
        boolean equal = outcome.missing.isEmpty() && outcome.extra.isEmpty() && outcome.changed.isEmpty()
                && outcome.sourceRows == outcome.targetRows && !outcome.truncated;
        return new DiffResult(equal, outcome.sourceRows, outcome.targetRows, outcome.missing, outcome.extra,
                outcome.changed, outcome.truncated, mode, timings);
    }

    private Outcome keyed(SideQueries source, SideQueries target, List<Column> columns, boolean integerKey,
                          DiffRequest request, ProgressListener progress) {
        Outcome outcome = new Outcome();
        List<Bisection.Mismatch> mismatches;
        int keyColumns = source.keySize();
        // The first pass is one long statement per side; the bar counts it as one step each.
        progress.segmentsQueued(2);
        if (integerKey) {
            mismatches = firstIntegerLevel(source, target, request, outcome);
        } else {
            CompletableFuture<Map<Long, Checksum>> sourceSums = source.tupleBuckets(TupleSegment.WHOLE, List.of());
            Checksum t = Database.await(target.tupleBuckets(TupleSegment.WHOLE, List.of()))
                    .getOrDefault(0L, Checksum.EMPTY);
            Checksum s = Database.await(sourceSums).getOrDefault(0L, Checksum.EMPTY);
            outcome.sourceRows = s.count();
            outcome.targetRows = t.count();
            mismatches = s.equals(t) ? List.of() : List.of(new Bisection.Mismatch(TupleSegment.WHOLE, s, t));
        }
        progress.segmentsDone(2);
        outcome.checksumDone = System.nanoTime();
        Bisection bisection = new Bisection(source, target, new BisectionSettings(request.leafRows(),
                request.fanout(), request.maxRows(), 2 * request.fanout()), keyColumns, progress);
        outcome.truncated = bisection.run(mismatches);
        outcome.fetchMillis = bisection.fetchMillis();
        LeafReconciliation leaves = bisection.leaves();
        List<String> keyNames = names(columns.subList(0, keyColumns));
        leaves.missingInTarget().forEach(row -> outcome.missing.add(keyOf(keyNames, row)));
        leaves.extraInTarget().forEach(row -> outcome.extra.add(keyOf(keyNames, row)));
        for (LeafReconciliation.ChangedImage changed : leaves.changed()) {
            List<String> differing = new ArrayList<>();
            List<ChangedRow.ChangedValue> values = new ArrayList<>();
            for (int index : changed.columns()) {
                differing.add(columns.get(index).name());
                if (request.showValues()) {
                    values.add(new ChangedRow.ChangedValue(columns.get(index).name(),
                            changed.source().values().get(index), changed.target().values().get(index)));
                }
            }
            outcome.changed.add(new ChangedRow(keyOf(keyNames, changed.source()), differing, values));
        }
        outcome.limit(request.maxRows());
        return outcome;
    }

    private List<Bisection.Mismatch> firstIntegerLevel(SideQueries source, SideQueries target, DiffRequest request,
                                                       Outcome outcome) {
        CompletableFuture<long[]> sourceRange = source.integerKeyRange();
        long[] t = Database.await(target.integerKeyRange());
        long[] s = Database.await(sourceRange);
        if (s == null && t == null) {
            return List.of();
        }
        IntegerSegment whole = new IntegerSegment(s == null ? t[0] : t == null ? s[0] : Math.min(s[0], t[0]),
                s == null ? t[1] : t == null ? s[1] : Math.max(s[1], t[1]));
        long parts = Math.max(1, Math.min(MAX_FIRST_LEVEL_SEGMENTS,
                whole.width(1) / Math.max(1, request.segmentRows())));
        long width = whole.width((int) parts);
        CompletableFuture<Map<Long, Checksum>> sourceSums = source.firstIntegerBuckets(whole, width);
        Map<Long, Checksum> targetSums = Database.await(target.firstIntegerBuckets(whole, width));
        Map<Long, Checksum> sourceSumsDone = Database.await(sourceSums);
        outcome.sourceRows = sourceSumsDone.values().stream().mapToLong(Checksum::count).sum();
        outcome.targetRows = targetSums.values().stream().mapToLong(Checksum::count).sum();
        return Bisection.mismatches(sourceSumsDone, targetSums, bucket -> whole.bucket(bucket, width));
    }

    private Outcome unkeyed(SideQueries source, SideQueries target, List<String> names, DiffRequest request) {
        Outcome outcome = new Outcome();
        MultisetComparison comparison = new MultisetComparison(source, target, request.maxRows());
        MultisetComparison.Counts counts = comparison.firstPass();
        outcome.sourceRows = counts.sourceRows();
        outcome.targetRows = counts.targetRows();
        outcome.checksumDone = System.nanoTime();
        long fetchStarted = System.nanoTime();
        MultisetComparison.Rows rows = comparison.narrow(counts);
        rows.missing().forEach(row -> outcome.missing.add(valuesOf(names, row)));
        rows.extra().forEach(row -> outcome.extra.add(valuesOf(names, row)));
        outcome.truncated = rows.truncated();
        outcome.fetchMillis = millis(System.nanoTime() - fetchStarted);
        return outcome;
    }

    /** A single integer key on both sides: segments are cut by arithmetic instead of boundary queries. */
    private static boolean integerKey(List<Column> source, List<Column> target, int keySize) {
        return keySize == 1 && source.get(0).kind() == ValueKind.INTEGER && target.get(0).kind() == ValueKind.INTEGER;
    }

    private static SideQueries side(Database database, TableShape shape, int keySize, List<Column> columns,
                                    String where, HashMode mode, boolean byteKeyOrder) {
        String hash = mode == HashMode.POSTGRES_NATIVE
                ? ((PostgresDialect) database.dialect()).nativeRowHash(columns)
                : database.dialect().canonicalRowHash(columns);
        return new SideQueries(database, database.dialect().table(shape.table().schema(), shape.table().name()),
                columns.subList(0, keySize), columns, where, hash, byteKeyOrder);
    }

    private static List<Column> require(TableShape shape, List<String> names, String side) {
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(shape.require(name, side));
        }
        return columns;
    }

    private static List<String> columnNames(TableShape shape) {
        return names(shape.columns());
    }

    private static List<String> names(List<Column> columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(column -> names.add(column.name()));
        return names;
    }

    private static Map<String, Object> keyOf(List<String> keyNames, RowImage row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < keyNames.size(); i++) {
            key.put(keyNames.get(i), row.keyValues().get(i));
        }
        return key;
    }

    private static Map<String, Object> valuesOf(List<String> names, RowImage row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), row.values().get(i));
        }
        return values;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** What one strategy found, gathered before the result record is built. */
    private static final class Outcome {
        long sourceRows;
        long targetRows;
        long checksumDone;
        long fetchMillis;
        boolean truncated;
        final List<Map<String, Object>> missing = new ArrayList<>();
        final List<Map<String, Object>> extra = new ArrayList<>();
        final List<ChangedRow> changed = new ArrayList<>();

        /** Keeps the first {@code maxRows} differences, missing rows first, then extra, then changed. */
        void limit(int maxRows) {
            int room = maxRows;
            room = keep(missing, room);
            room = keep(extra, room);
            keep(changed, room);
        }

        private int keep(List<?> rows, int room) {
            if (rows.size() > room) {
                rows.subList(room, rows.size()).clear();
                truncated = true;
            }
            return room - rows.size();
        }
    }
}
