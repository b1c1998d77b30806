package dev.dimmer.validation;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * A keyed diff pairs rows by key, so a key that repeats on either side would pair the wrong rows and count the
 * differences wrongly. A key the catalog proves unique (it covers the primary key or a unique index) costs
 * nothing; any other key is checked by one grouping statement per side, both sides at once, before the diff.
 */
final class RequiringUniqueKey {
    private static final int EXAMPLES = 3;

    /** Refuses, naming the repeated key values of each side, when the key does not identify one row. */
    void require(Database source, TableShape sourceShape, Database target, TableShape targetShape,
                 List<String> key, String where) {
        CompletableFuture<Optional<String>> sourceProblem = CompletableFuture.supplyAsync(
                () -> repeated(source, sourceShape, key, where));
        Optional<String> targetProblem = repeated(target, targetShape, key, where);
        List<String> problems = new ArrayList<>();
        Database.await(sourceProblem).ifPresent(problems::add);
        targetProblem.ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ValidationException("the key (" + String.join(", ", key) + ") does not identify one row, so "
                    + "rows cannot be paired: " + String.join("; ", problems) + "; choose key columns that are "
                    + "unique together" + primaryKeyHint(sourceShape, key));
        }
    }

    private static String primaryKeyHint(TableShape shape, List<String> key) {
        if (shape.primaryKey().isEmpty() || lower(shape.primaryKey()).equals(lower(key))) {
            return " (e.g. add a column that tells the rows apart)";
        }
        return " (the source's primary key is " + String.join(", ", shape.primaryKey()) + ")";
    }

    private Optional<String> repeated(Database database, TableShape shape, List<String> key, String where) {
        if (provenUnique(database, shape, key)) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (String name : key) {
            String quoted = database.dialect().quote(shape.require(name, database.label()).name());
            columns.add(quoted);
            notNull.add(quoted + " IS NOT NULL");
        }
        String list = String.join(", ", columns);
        String sql = "SELECT " + list + ", COUNT(*) AS dimmer_n, COUNT(*) OVER () AS dimmer_keys FROM "
                + database.dialect().table(shape.table().schema(), shape.table().name()) + " WHERE "
                + String.join(" AND ", notNull) + (where == null || where.isBlank() ? "" : " AND (" + where + ")")
                + " GROUP BY " + list + " HAVING COUNT(*) > 1 ORDER BY dimmer_n DESC, " + list + " LIMIT " + EXAMPLES;
        return database.query(sql, List.of(), rows -> {
            StringJoiner examples = new StringJoiner(", ");
            long keys = 0;
            while (rows.next()) {
                StringJoiner value = new StringJoiner(", ");
                for (int i = 0; i < key.size(); i++) {
                    value.add(key.get(i) + "=" + rows.getObject(i + 1));
                }
                long count = rows.getLong(key.size() + 1);
                keys = rows.getLong(key.size() + 2);
                examples.add(value + " (" + count + " rows)");
            }
            if (keys == 0) {
                return Optional.<String>empty();
            }
            return Optional.of(keys + (keys == 1 ? " value repeats" : " values repeat") + " in the "
                    + database.label() + " table " + shape.table() + ": " + examples
                    + (keys > EXAMPLES ? ", ..." : ""));
        });
    }

    /** True when the key holds every column of the primary key or of a unique index on this side. */
    private static boolean provenUnique(Database database, TableShape shape, List<String> key) {
        Set<String> keyColumns = new HashSet<>(lower(key));
        if (!shape.primaryKey().isEmpty() && keyColumns.containsAll(lower(shape.primaryKey()))) {
            return true;
        }
        boolean schemaIsCatalog = !database.dialect().name().equals("PostgreSQL");
        String schema = shape.table().schema().isEmpty() ? null : shape.table().schema();
        return database.withConnection(connection -> {
            Map<String, List<String>> indexes = new HashMap<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getIndexInfo(schemaIsCatalog ? schema : null, schemaIsCatalog ? null : schema,
                    shape.table().name(), true, true)) {
                while (rows.next()) {
                    if (rows.getBoolean("NON_UNIQUE") || !shape.table().name().equals(rows.getString("TABLE_NAME"))
                            || rows.getString("INDEX_NAME") == null) {
                        continue;
                    }
                    String column = rows.getString("COLUMN_NAME");
                    List<String> index = indexes.computeIfAbsent(rows.getString("INDEX_NAME"),
                            name -> new ArrayList<>());
                    // An index on an expression or over some rows only (partial) proves nothing about the columns.
                    index.add(column == null || rows.getString("FILTER_CONDITION") != null ? null : column);
                }
            }
            for (List<String> index : indexes.values()) {
                if (!index.contains(null) && keyColumns.containsAll(lower(index))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
