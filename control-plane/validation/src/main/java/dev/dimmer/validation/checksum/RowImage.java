package dev.dimmer.validation.checksum;

import java.util.List;

/**
 * One row as fetched for comparison: the key's values as the driver returns them (for reporting) and the
 * canonical text of every compared column, key columns first.
 */
public record RowImage(List<Object> keyValues, List<String> values) {
    public List<String> keyText(int keyColumns) {
        return values.subList(0, keyColumns);
    }
}
