package dev.dimmer.validation.checksum;

import dev.dimmer.validation.Database;
import dev.dimmer.validation.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Narrows mismatching segments level by level: every mismatching segment of a level is split and checksummed on
 * both sides at once (each side's pool bounds how many run together), until segments are small enough to fetch.
 */
public final class Bisection {
    private final SideQueries source;
    private final SideQueries target;
    private final BisectionSettings settings;
    private final LeafReconciliation leaves;
    private final ProgressListener progress;
    private long fetchNanos;

    public Bisection(SideQueries source, SideQueries target, BisectionSettings settings, int keyColumns,
                     ProgressListener progress) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.leaves = new LeafReconciliation(keyColumns);
        this.progress = progress;
    }

    /** A segment known to differ, with both sides' checksums; an atom cannot be split any further. */
    public record Mismatch(Segment segment, Checksum source, Checksum target, boolean atom) {
        public Mismatch(Segment segment, Checksum source, Checksum target) {
            this(segment, source, target, false);
        }

        long largerCount() {
            return Math.max(source.count(), target.count());
        }
    }

    /** Compares the children of a split by bucket index; absent buckets are empty. */
    public static <S extends Segment> List<Mismatch> mismatches(Map<Long, Checksum> source,
                                                                Map<Long, Checksum> target,
                                                                LongFunction<S> segmentOf) {
        TreeSet<Long> buckets = new TreeSet<>(source.keySet());
        buckets.addAll(target.keySet());
        List<Mismatch> found = new ArrayList<>();
        for (long bucket : buckets) {
            Checksum s = source.getOrDefault(bucket, Checksum.EMPTY);
            Checksum t = target.getOrDefault(bucket, Checksum.EMPTY);
            if (!s.equals(t)) {
                found.add(new Mismatch(segmentOf.apply(bucket), s, t));
            }
        }
        return found;
    }

    /** Runs until every mismatch is explained or {@code maxRows} differences are found; true when cut short. */
    public boolean run(List<Mismatch> mismatches) {
        List<Mismatch> frontier = mismatches;
        boolean cut = false;
        while (!frontier.isEmpty()) {
            int room = settings.maxRows() - leaves.differences();
            if (room <= 0) {
                return true;
            }
            // Every mismatching segment holds at least one difference, so segments past the room left (in key
            // order) could only add differences beyond the limit: leave them, and say the result is cut.
            if (frontier.size() > room) {
                frontier = frontier.subList(0, room);
                cut = true;
            }
            progress.segmentsQueued(frontier.size());
            List<Mismatch> small = new ArrayList<>();
            List<Mismatch> large = new ArrayList<>();
            for (Mismatch mismatch : frontier) {
                (isLeaf(mismatch) ? small : large).add(mismatch);
            }
            cut |= !fetch(small);
            frontier = split(large);
        }
        return cut;
    }

    public LeafReconciliation leaves() {
        return leaves;
    }

    public long fetchMillis() {
        return fetchNanos / 1_000_000;
    }

    private boolean isLeaf(Mismatch mismatch) {
        return mismatch.atom() || mismatch.largerCount() <= settings.leafRows()
                || (mismatch.segment() instanceof IntegerSegment integer && integer.single());
    }

    /** Fetches and matches the rows of small segments; false when it stopped at the row limit first. */
    private boolean fetch(List<Mismatch> small) {
        long started = System.nanoTime();
        boolean complete = true;
        for (List<Mismatch> batch : batches(small)) {
            if (leaves.differences() >= settings.maxRows()) {
                complete = false;
                break;
            }
            List<CompletableFuture<List<RowImage>>> sourceRows = new ArrayList<>();
            List<CompletableFuture<List<RowImage>>> targetRows = new ArrayList<>();
            for (Mismatch mismatch : batch) {
                sourceRows.add(source.rows(mismatch.segment()));
                targetRows.add(target.rows(mismatch.segment()));
            }
            for (int i = 0; i < batch.size(); i++) {
                leaves.add(Database.await(sourceRows.get(i)), Database.await(targetRows.get(i)));
                progress.segmentsDone(1);
            }
        }
        fetchNanos += System.nanoTime() - started;
        return complete;
    }

    private List<List<Mismatch>> batches(List<Mismatch> all) {
        List<List<Mismatch>> batches = new ArrayList<>();
        int size = Math.max(1, settings.batchSize());
        for (int i = 0; i < all.size(); i += size) {
            batches.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return batches;
    }

    private List<Mismatch> split(List<Mismatch> large) {
        List<CompletableFuture<List<Mismatch>>> children = new ArrayList<>();
        for (Mismatch mismatch : large) {
            children.add(mismatch.segment() instanceof IntegerSegment integer
                    ? splitInteger(integer)
                    : splitTuple((TupleSegment) mismatch.segment(), mismatch));
        }
        List<Mismatch> next = new ArrayList<>();
        for (CompletableFuture<List<Mismatch>> child : children) {
            next.addAll(Database.await(child));
            progress.segmentsDone(1);
        }
        return next;
    }

    private CompletableFuture<List<Mismatch>> splitInteger(IntegerSegment segment) {
        long width = segment.width(settings.fanout());
        return source.integerBuckets(segment, width).thenCombine(target.integerBuckets(segment, width),
                (s, t) -> mismatches(s, t, bucket -> segment.bucket(bucket, width)));
    }

    private CompletableFuture<List<Mismatch>> splitTuple(TupleSegment segment, Mismatch mismatch) {
        SideQueries larger = mismatch.source().count() >= mismatch.target().count() ? source : target;
        // A boundary query sorts the segment, so tuple segments are cut finer (fanout squared) to need fewer levels.
        long parts = (long) settings.fanout() * settings.fanout();
        long step = Math.max(1, (mismatch.largerCount() + parts - 1) / parts);
        return larger.boundaries(segment, step).thenCompose(found -> {
            List<List<Object>> cuts = distinct(found);
            if (cuts.isEmpty()) {
                return CompletableFuture.completedFuture(List.of(atom(mismatch)));
            }
            return source.tupleBuckets(segment, cuts).thenCombine(target.tupleBuckets(segment, cuts),
                    (s, t) -> {
                        List<Mismatch> children = new ArrayList<>();
                        for (Mismatch child : mismatches(s, t, bucket -> child(segment, cuts, (int) bucket))) {
                            // A split that leaves every row in one part (a key value repeated, or the other
                            // engine ordering the rows elsewhere) would never end: fetch that part as it is.
                            children.add(child.largerCount() >= mismatch.largerCount() ? atom(child) : child);
                        }
                        return children;
                    });
        });
    }

    private static Mismatch atom(Mismatch mismatch) {
        return new Mismatch(mismatch.segment(), mismatch.source(), mismatch.target(), true);
    }

    private static List<List<Object>> distinct(List<List<Object>> boundaries) {
        List<List<Object>> cuts = new ArrayList<>();
        for (List<Object> boundary : boundaries) {
            if (cuts.isEmpty() || !cuts.get(cuts.size() - 1).equals(boundary)) {
                cuts.add(boundary);
            }
        }
        return cuts;
    }

    private static TupleSegment child(TupleSegment parent, List<List<Object>> cuts, int bucket) {
        List<Object> lower = bucket == 0 ? parent.lower() : cuts.get(bucket - 1);
        List<Object> upper = bucket == cuts.size() ? parent.upper() : cuts.get(bucket);
        return new TupleSegment(lower, upper);
    }
}
