package dev.dimmer.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** row_count: counts both tables at once and passes when the counts agree within the tolerance. */
public final class CountingRows {
    public RowCountResult count(Database source, TableRef sourceTable, Database target, TableRef targetTable,
                                String where, Tolerance tolerance) {
        CompletableFuture<Long> sourceCount = source.submit(sql(source, sourceTable, where), List.of(),
                rows -> rows.next() ? rows.getLong(1) : 0L);
        long targetCount = target.query(sql(target, targetTable, where), List.of(),
                rows -> rows.next() ? rows.getLong(1) : 0L);
        long sourceRows = Database.await(sourceCount);
        boolean passed = tolerance.allows(BigDecimal.valueOf(sourceRows), BigDecimal.valueOf(targetCount));
        return new RowCountResult(passed, sourceRows, targetCount, targetCount - sourceRows);
    }

    static String sql(Database database, TableRef table, String where) {
        return "SELECT COUNT(*) FROM " + database.dialect().table(table.schema(), table.name()) + filter(where);
    }

    static String filter(String where) {
        return where == null || where.isBlank() ? "" : " WHERE (" + where + ")";
    }
}
