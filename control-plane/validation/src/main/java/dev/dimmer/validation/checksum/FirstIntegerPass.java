package dev.dimmer.validation.checksum;

import dev.dimmer.validation.dialect.PostgresDialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The one pass over a whole table keyed by a single integer, cut into parts that run at once. */
final class FirstIntegerPass {
    private final SideQueries side;

    FirstIntegerPass(SideQueries side) {
        this.side = side;
    }

    /**
     * The first pass: buckets of {@code width} keys over the whole key range, computed by as many statements as
     * the side runs at once, each over its own part of the table, their sums merged. PostgreSQL (14+, TID range
     * scans) parts the table by page ranges, so each statement reads only its pages; MariaDB by ranges of the
     * clustered primary key.
     */
    CompletableFuture<Map<Long, Checksum>> buckets(IntegerSegment whole, long width) {
        String k = side.dialect().quote(side.key().get(0).name());
        String bucket = side.dialect().integerDivision(k + " - ?", "?");
        List<CompletableFuture<Map<Long, Checksum>>> parts = new ArrayList<>();
        for (SqlFragment chunk : chunks(whole)) {
            List<Object> binds = new ArrayList<>(List.of(whole.low(), width));
            binds.addAll(chunk.binds());
            parts.add(side.buckets(bucket, binds, k + " IS NOT NULL AND " + chunk.sql()));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Long, Checksum> merged = new HashMap<>();
            for (CompletableFuture<Map<Long, Checksum>> part : parts) {
                part.join().forEach((index, sum) -> merged.merge(index, sum, Checksum::plus));
            }
            return merged;
        });
    }

    private List<SqlFragment> chunks(IntegerSegment whole) {
        int count = side.database().parallelism();
        if (count <= 1) {
            return List.of(SqlFragment.of("1 = 1"));
        }
        List<SqlFragment> chunks = new ArrayList<>();
        if (side.dialect() instanceof PostgresDialect) {
            if (side.database().majorVersion() < 14) {
                return List.of(SqlFragment.of("1 = 1"));
            }
            // Only tables and materialized views have pages (and ctid); a view is read in one statement.
            long pages = side.database().query("SELECT CASE WHEN relkind IN ('r', 'm') THEN pg_relation_size(oid) "
                    + "/ current_setting('block_size')::int ELSE 0 END FROM pg_class WHERE oid = CAST(? AS regclass)",
                    List.of(side.table()), rows -> rows.next() ? rows.getLong(1) : 0);
            if (pages == 0) {
                return List.of(SqlFragment.of("1 = 1"));
            }
            long step = Math.max(1, (pages + count - 1) / count);
            for (int i = 0; i < count; i++) {
                // The last part stays open so that pages added meanwhile are read too.
                chunks.add(i == count - 1
                        ? new SqlFragment("ctid >= CAST(? AS tid)", List.of("(" + i * step + ",0)"))
                        : new SqlFragment("ctid >= CAST(? AS tid) AND ctid < CAST(? AS tid)",
                                List.of("(" + i * step + ",0)", "(" + (i + 1) * step + ",0)")));
            }
            return chunks;
        }
        long chunkWidth = whole.width(count);
        for (long chunk = 0; chunk < count && chunk * chunkWidth <= whole.high() - whole.low(); chunk++) {
            IntegerSegment range = whole.bucket(chunk, chunkWidth);
            chunks.add(new SqlFragment(side.dialect().quote(side.key().get(0).name()) + " BETWEEN ? AND ?",
                    List.of(range.low(), range.high())));
        }
        return chunks;
    }
}
