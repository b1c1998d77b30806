package dev.dimmer.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * aggregate: business KPI parity. Each side aggregates inside its database; groups are matched by the canonical
 * text of the group value, so a PostgreSQL date and a MariaDB DATE meet, and compared within the tolerance.
 */
public final class ComparingAggregates {
    public AggregateResult compare(Database source, Database target, AggregateRequest request) {
        CompletableFuture<Map<String, BigDecimal>> sourceGroups = CompletableFuture.supplyAsync(() ->
                groups(source, request.sourceTable(), request.sourceGroup(), request.sourceValue(), request.where()));
        Map<String, BigDecimal> t = groups(target, request.targetTable(), request.targetGroup(),
                request.targetValue(), request.where());
        Map<String, BigDecimal> s = Database.await(sourceGroups);
        TreeSet<String> all = new TreeSet<>(s.keySet());
        all.addAll(t.keySet());
        List<GroupDifference> outside = new ArrayList<>();
        for (String group : all) {
            BigDecimal sourceValue = s.get(group);
            BigDecimal targetValue = t.get(group);
            boolean bothPresent = s.containsKey(group) && t.containsKey(group);
            if (!bothPresent || !request.tolerance().allows(sourceValue, targetValue)) {
                outside.add(new GroupDifference(group, sourceValue, targetValue));
            }
        }
        return new AggregateResult(outside.isEmpty(), all.size(), outside);
    }

    private static Map<String, BigDecimal> groups(Database database, TableRef table, String group, String value,
                                                  String where) {
        String sql = "SELECT " + group + " AS dimmer_group, " + value + " AS dimmer_value FROM "
                + database.dialect().table(table.schema(), table.name()) + CountingRows.filter(where)
                + " GROUP BY " + group;
        return database.query(sql, List.of(), rows -> {
            Map<String, BigDecimal> values = new TreeMap<>();
            while (rows.next()) {
                String key = JdbcValueText.of(rows.getObject(1));
                values.put(key == null ? "NULL" : key, JdbcValueText.number(rows.getObject(2)));
            }
            return values;
        });
    }
}
