package dev.dimmer.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * custom SQL pair: one query per side, results compared row by row in the order the queries give (so they
 * should ORDER BY), numbers within the tolerance, everything else by canonical text.
 */
public final class ComparingQueryResults {
    private static final int MAX_REPORTED = 100;

    public QueryComparisonResult compare(Database source, String sourceSql, Database target, String targetSql,
                                         Tolerance tolerance) {
        CompletableFuture<List<List<Object>>> sourceRows = source.submit(sourceSql, List.of(),
                ComparingQueryResults::read);
        List<List<Object>> t = target.query(targetSql, List.of(), ComparingQueryResults::read);
        List<List<Object>> s = Database.await(sourceRows);
        List<CellDifference> cells = new ArrayList<>();
        for (int row = 0; row < Math.min(s.size(), t.size()) && cells.size() < MAX_REPORTED; row++) {
            List<Object> left = s.get(row);
            List<Object> right = t.get(row);
            for (int column = 0; column < Math.max(left.size(), right.size()); column++) {
                Object a = column < left.size() ? left.get(column) : null;
                Object b = column < right.size() ? right.get(column) : null;
                if (!same(a, b, tolerance)) {
                    cells.add(new CellDifference(row + 1, column + 1, JdbcValueText.of(a), JdbcValueText.of(b)));
                }
            }
        }
        return new QueryComparisonResult(cells.isEmpty() && s.size() == t.size(), s.size(), t.size(), cells);
    }

    private static boolean same(Object a, Object b, Tolerance tolerance) {
        BigDecimal x = JdbcValueText.number(a);
        BigDecimal y = JdbcValueText.number(b);
        if (x != null && y != null) {
            return tolerance.allows(x, y);
        }
        return Objects.equals(JdbcValueText.of(a), JdbcValueText.of(b));
    }

    private static List<List<Object>> read(java.sql.ResultSet rows) throws java.sql.SQLException {
        int columns = rows.getMetaData().getColumnCount();
        List<List<Object>> all = new ArrayList<>();
        while (rows.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                row.add(rows.getObject(i));
            }
            all.add(row);
        }
        return all;
    }
}
