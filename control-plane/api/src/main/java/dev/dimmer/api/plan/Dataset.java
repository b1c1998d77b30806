package dev.dimmer.api.plan;

import java.util.List;

/**
 * A table (or other dataset) that moves.
 *
 * @param table      qualified name, e.g. {@code public.orders}
 * @param keyColumns the columns that identify a row, used by checksums and uniqueness checks
 * @param domain     the business domain or subject area, e.g. {@code sales}
 */
public record Dataset(String name, String table, List<String> keyColumns, String owner, String domain, DatasetSla sla) {
    public Dataset {
        keyColumns = Lists.of(keyColumns);
    }
}
