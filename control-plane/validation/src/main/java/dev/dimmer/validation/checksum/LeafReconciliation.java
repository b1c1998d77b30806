package dev.dimmer.validation.checksum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Matches the rows of mismatching leaf segments by key across all leaves, not leaf by leaf: when the two engines
 * order text keys differently, a row may sit in different segments on each side and must still pair up.
 */
public final class LeafReconciliation {
    private final int keyColumns;
    private final Map<List<String>, RowImage> sourceOnly = new LinkedHashMap<>();
    private final Map<List<String>, RowImage> targetOnly = new LinkedHashMap<>();
    private final List<ChangedImage> changed = new ArrayList<>();
    private final Set<List<String>> sourceSeen = new HashSet<>();
    private final Set<List<String>> targetSeen = new HashSet<>();

    public LeafReconciliation(int keyColumns) {
        this.keyColumns = keyColumns;
    }

    /** Adds the rows of one leaf; a key already seen on a side (a leaf fetched twice) is counted once. */
    public synchronized void add(List<RowImage> source, List<RowImage> target) {
        for (RowImage row : source) {
            List<String> key = row.keyText(keyColumns);
            if (!sourceSeen.add(key)) {
                continue;
            }
            RowImage other = targetOnly.remove(key);
            if (other == null) {
                sourceOnly.put(key, row);
            } else {
                compare(row, other);
            }
        }
        for (RowImage row : target) {
            List<String> key = row.keyText(keyColumns);
            if (!targetSeen.add(key)) {
                continue;
            }
            RowImage other = sourceOnly.remove(key);
            if (other == null) {
                targetOnly.put(key, row);
            } else {
                compare(other, row);
            }
        }
    }

    private void compare(RowImage source, RowImage target) {
        List<Integer> differing = new ArrayList<>();
        for (int i = keyColumns; i < source.values().size(); i++) {
            if (!Objects.equals(source.values().get(i), target.values().get(i))) {
                differing.add(i);
            }
        }
        if (!differing.isEmpty()) {
            changed.add(new ChangedImage(source, target, differing));
        }
    }

    public synchronized int differences() {
        return sourceOnly.size() + targetOnly.size() + changed.size();
    }

    public synchronized List<RowImage> missingInTarget() {
        return List.copyOf(sourceOnly.values());
    }

    public synchronized List<RowImage> extraInTarget() {
        return List.copyOf(targetOnly.values());
    }

    public synchronized List<ChangedImage> changed() {
        return List.copyOf(changed);
    }

    /** A key present on both sides whose compared columns (by position) differ. */
    public record ChangedImage(RowImage source, RowImage target, List<Integer> columns) {
    }
}
