package dev.dimmer.validation.checksum;

import dev.dimmer.validation.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Tables without a key compare as multisets of row hashes: sums per hash bucket first, then the hash counts of the
 * mismatching buckets, then the rows behind the hashes whose counts differ. A row that changed shows as one row
 * missing and one extra, since nothing says which rows correspond.
 */
public final class MultisetComparison {
    private static final int BUCKETS = 1024;
    private final MultisetQueries source;
    private final MultisetQueries target;
    private final int maxRows;

    public MultisetComparison(SideQueries source, SideQueries target, int maxRows) {
        this.source = new MultisetQueries(source);
        this.target = new MultisetQueries(target);
        this.maxRows = maxRows;
    }

    /** Per-bucket checksums of both sides. */
    public record Counts(long sourceRows, long targetRows, List<Long> mismatchingBuckets) {
    }

    /** The rows found on one side more often than on the other. */
    public record Rows(List<RowImage> missing, List<RowImage> extra, boolean truncated) {
    }

    public Counts firstPass() {
        CompletableFuture<Map<Long, Checksum>> sourceSums = source.hashBuckets(BUCKETS);
        Map<Long, Checksum> t = Database.await(target.hashBuckets(BUCKETS));
        Map<Long, Checksum> s = Database.await(sourceSums);
        TreeSet<Long> buckets = new TreeSet<>(s.keySet());
        buckets.addAll(t.keySet());
        List<Long> mismatching = new ArrayList<>();
        for (long bucket : buckets) {
            if (!s.getOrDefault(bucket, Checksum.EMPTY).equals(t.getOrDefault(bucket, Checksum.EMPTY))) {
                mismatching.add(bucket);
            }
        }
        return new Counts(total(s), total(t), mismatching);
    }

    public Rows narrow(Counts counts) {
        if (counts.mismatchingBuckets().isEmpty()) {
            return new Rows(List.of(), List.of(), false);
        }
        CompletableFuture<Map<Long, Long>> sourceCounts = source.hashCounts(BUCKETS, counts.mismatchingBuckets());
        Map<Long, Long> t = Database.await(target.hashCounts(BUCKETS, counts.mismatchingBuckets()));
        Map<Long, Long> s = Database.await(sourceCounts);
        TreeSet<Long> hashes = new TreeSet<>(s.keySet());
        hashes.addAll(t.keySet());
        List<Long> surplusInSource = new ArrayList<>();
        List<Long> surplusInTarget = new ArrayList<>();
        for (long hash : hashes) {
            long difference = s.getOrDefault(hash, 0L) - t.getOrDefault(hash, 0L);
            for (long i = 0; i < Math.abs(difference); i++) {
                (difference > 0 ? surplusInSource : surplusInTarget).add(hash);
            }
        }
        boolean truncated = surplusInSource.size() + surplusInTarget.size() > maxRows;
        List<Long> missingHashes = surplusInSource.subList(0, Math.min(maxRows, surplusInSource.size()));
        List<Long> extraHashes = surplusInTarget.subList(0,
                Math.min(maxRows - missingHashes.size(), surplusInTarget.size()));
        return new Rows(images(source, missingHashes), images(target, extraHashes), truncated);
    }

    private static List<RowImage> images(MultisetQueries side, List<Long> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        Map<Long, List<RowImage>> rows = Database.await(side.rowsWithHashes(new ArrayList<>(new TreeSet<>(hashes))));
        List<RowImage> images = new ArrayList<>();
        for (long hash : hashes) {
            List<RowImage> copies = rows.getOrDefault(hash, List.of());
            if (!copies.isEmpty()) {
                images.add(copies.get(0));
            }
        }
        return images;
    }

    private static long total(Map<Long, Checksum> sums) {
        return sums.values().stream().mapToLong(Checksum::count).sum();
    }
}
