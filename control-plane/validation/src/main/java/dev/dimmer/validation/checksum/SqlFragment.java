package dev.dimmer.validation.checksum;

import java.util.List;

/** A piece of SQL with the values bound to its placeholders, in order. */
public record SqlFragment(String sql, List<Object> binds) {
    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, List.of());
    }
}
