package dev.dimmer.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** null_rate: one scan counts the non-NULL values of every column; each column has its own maximum share. */
public final class CheckingNullRates {
    public NullRateResult check(Database database, TableRef table, Map<String, Double> maximumRates, String where) {
        if (maximumRates.isEmpty()) {
            throw new ValidationException("null_rate on " + table + " names no column; give each a maximum rate");
        }
        List<String> columns = new ArrayList<>(maximumRates.keySet());
        StringBuilder counts = new StringBuilder("COUNT(*)");
        for (String column : columns) {
            counts.append(", COUNT(").append(database.dialect().quote(column)).append(')');
        }
        return database.query("SELECT " + counts + " FROM " + database.dialect().table(table.schema(), table.name())
                + CountingRows.filter(where), List.of(), rows -> {
                    rows.next();
                    long total = rows.getLong(1);
                    List<ColumnNullRate> rates = new ArrayList<>();
                    boolean passed = true;
                    for (int i = 0; i < columns.size(); i++) {
                        long nulls = total - rows.getLong(i + 2);
                        double rate = total == 0 ? 0 : (double) nulls / total;
                        double maximum = maximumRates.get(columns.get(i));
                        rates.add(new ColumnNullRate(columns.get(i), nulls, rate, maximum, rate <= maximum));
                        passed &= rate <= maximum;
                    }
                    return new NullRateResult(passed, total, rates);
                });
    }
}
