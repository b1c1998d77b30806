package dev.dimmer.core.validation.checksum;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with the values bound to its placeholders, in order. */
public record SqlFragment(String sql, List<Object> binds) {
    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, List.of());
    }

    public SqlFragment and(SqlFragment other) {
        List<Object> all = new ArrayList<>(binds);
        all.addAll(other.binds);
        return new SqlFragment(sql + " AND " + other.sql, all);
    }
}
