package dev.dimmer.validation.checksum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The statements that compare a table without a key as a multiset of row hashes, on one side. */
final class MultisetQueries {
    private final SideQueries side;

    MultisetQueries(SideQueries side) {
        this.side = side;
    }

    /** Without a key: count and hash sum per hash bucket ({@code MOD(hash, buckets)}). */
    public CompletableFuture<Map<Long, Checksum>> hashBuckets(int buckets) {
        String sql = "SELECT MOD(dimmer_h, ?) AS dimmer_bucket, COUNT(*), SUM(dimmer_h) FROM (" + hashes()
                + ") q GROUP BY 1";
        return side.run(sql, List.of(buckets), rows -> {
            Map<Long, Checksum> sums = new HashMap<>();
            while (rows.next()) {
                sums.put(rows.getLong(1), new Checksum(rows.getLong(2), rows.getBigDecimal(3).toBigIntegerExact()));
            }
            return sums;
        });
    }

    /** Without a key: how many rows carry each hash, within the given hash buckets. */
    public CompletableFuture<Map<Long, Long>> hashCounts(int buckets, List<Long> bucketIds) {
        List<Object> binds = new ArrayList<>();
        binds.add(buckets);
        binds.addAll(bucketIds);
        String sql = "SELECT dimmer_h, COUNT(*) FROM (" + hashes() + ") q WHERE MOD(dimmer_h, ?) IN ("
                + marks(bucketIds.size()) + ") GROUP BY dimmer_h";
        return side.run(sql, binds, rows -> {
            Map<Long, Long> counts = new HashMap<>();
            while (rows.next()) {
                counts.put(rows.getLong(1), rows.getLong(2));
            }
            return counts;
        });
    }

    /** Without a key: the canonical texts of the rows whose hash is one of {@code hashes}, with the hash. */
    public CompletableFuture<Map<Long, List<RowImage>>> rowsWithHashes(List<Long> hashes) {
        StringBuilder inner = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < side.compared().size(); i++) {
            inner.append(side.dialect().canonical(side.compared().get(i))).append(" AS dimmer_c").append(i)
                    .append(", ");
            outer.append("dimmer_c").append(i).append(", ");
        }
        String sql = "SELECT " + outer + "dimmer_h FROM (SELECT " + inner + side.rowHash() + " AS dimmer_h FROM "
                + side.table() + side.filter(null) + ") q WHERE dimmer_h IN (" + marks(hashes.size()) + ")";
        return side.run(sql, new ArrayList<>(hashes), rows -> {
            Map<Long, List<RowImage>> found = new HashMap<>();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= side.compared().size(); i++) {
                    values.add(rows.getString(i));
                }
                found.computeIfAbsent(rows.getLong(side.compared().size() + 1), h -> new ArrayList<>())
                        .add(new RowImage(List.of(), values));
            }
            return found;
        });
    }

    private String hashes() {
        return "SELECT " + side.rowHash() + " AS dimmer_h FROM " + side.table() + side.filter(null);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
