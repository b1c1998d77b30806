package dev.dimmer.validation;

import dev.dimmer.validation.dialect.Column;
import dev.dimmer.validation.dialect.PostgresDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks PostgreSQL's native row hash only where it provably equals on both sides: both servers 14 or later
 * (hash_record_extended), each compared column of the same type on both sides, and no nondeterministic
 * collation (which would hash differently-spelled but "equal" strings alike and hide a change).
 */
final class ChoosingHashMode {
    HashMode choose(Database source, TableShape sourceShape, List<Column> sourceColumns, Database target,
                    TableShape targetShape, List<Column> targetColumns) {
        if (!(source.dialect() instanceof PostgresDialect) || !(target.dialect() instanceof PostgresDialect)
                || source.majorVersion() < 14 || target.majorVersion() < 14) {
            return HashMode.CANONICAL_MD5;
        }
        for (int i = 0; i < sourceColumns.size(); i++) {
            if (!sourceColumns.get(i).typeName().equals(targetColumns.get(i).typeName())) {
                return HashMode.CANONICAL_MD5;
            }
        }
        return deterministic(source, sourceShape, sourceColumns) && deterministic(target, targetShape, targetColumns)
                ? HashMode.POSTGRES_NATIVE : HashMode.CANONICAL_MD5;
    }

    private static boolean deterministic(Database database, TableShape shape, List<Column> columns) {
        List<Object> binds = new ArrayList<>();
        binds.add(database.dialect().table(shape.table().schema(), shape.table().name()));
        StringBuilder names = new StringBuilder();
        for (Column column : columns) {
            names.append(names.length() == 0 ? "?" : ", ?");
            binds.add(column.name());
        }
        return database.query("SELECT COUNT(*) FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation"
                + " WHERE a.attrelid = CAST(? AS regclass) AND a.attname IN (" + names + ")"
                + " AND NOT c.collisdeterministic", binds, rows -> rows.next() && rows.getLong(1) == 0);
    }
}
