package dev.dimmer.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** pk_uniqueness: the key must be unique and never NULL (a key that a copy duplicated is the usual failure). */
public final class CheckingKeyUniqueness {
    public KeyUniquenessResult check(Database database, TableRef table, List<String> key, String where,
                                     int examples) {
        if (key.isEmpty()) {
            throw new ValidationException("pk_uniqueness on " + table + " needs at least one key column");
        }
        List<String> quoted = new ArrayList<>();
        List<String> nullChecks = new ArrayList<>();
        for (String column : key) {
            String name = database.dialect().quote(column);
            quoted.add(name);
            nullChecks.add(name + " IS NULL");
        }
        String columns = String.join(", ", quoted);
        String from = database.dialect().table(table.schema(), table.name());
        String duplicates = "SELECT " + columns + ", COUNT(*) AS dimmer_n FROM " + from
                + CountingRows.filter(where) + " GROUP BY " + columns + " HAVING COUNT(*) > 1";
        CompletableFuture<Long> duplicated = database.submit("SELECT COUNT(*) FROM (" + duplicates + ") q",
                List.of(), rows -> rows.next() ? rows.getLong(1) : 0L);
        CompletableFuture<Long> nulls = database.submit("SELECT COUNT(*) FROM " + from + " WHERE ("
                + String.join(" OR ", nullChecks) + ")" + (where == null || where.isBlank() ? ""
                : " AND (" + where + ")"), List.of(), rows -> rows.next() ? rows.getLong(1) : 0L);
        List<Map<String, Object>> sample = database.query(duplicates + " ORDER BY dimmer_n DESC LIMIT "
                + Math.max(0, examples), List.of(), rows -> {
                    List<Map<String, Object>> found = new ArrayList<>();
                    while (rows.next()) {
                        Map<String, Object> keyValues = new LinkedHashMap<>();
                        for (int i = 0; i < key.size(); i++) {
                            keyValues.put(key.get(i), rows.getObject(i + 1));
                        }
                        found.add(keyValues);
                    }
                    return found;
                });
        long duplicatedKeys = Database.await(duplicated);
        long nullKeys = Database.await(nulls);
        return new KeyUniquenessResult(duplicatedKeys == 0 && nullKeys == 0, duplicatedKeys, nullKeys, sample);
    }
}
