package dev.dimmer.projections.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL whose parameters have names ({@code :position}) instead of places: a value used in three places is bound
 * once, by name, and a binder reads like the row it writes. {@code ::type} casts are left alone.
 */
public final class NamedSql {
    private static final Pattern NAME = Pattern.compile("(?<!:):([a-z_]+)");
    private final String sql;
    private final Map<String, int[]> places;

    private NamedSql(String sql, Map<String, int[]> places) {
        this.sql = sql;
        this.places = places;
    }

    public static NamedSql of(String text) {
        Map<String, List<Integer>> found = new HashMap<>();
        Matcher names = NAME.matcher(text);
        StringBuilder sql = new StringBuilder();
        int place = 0;
        while (names.find()) {
            found.computeIfAbsent(names.group(1), k -> new ArrayList<>()).add(++place);
            names.appendReplacement(sql, "?");
        }
        names.appendTail(sql);
        Map<String, int[]> places = new HashMap<>();
        found.forEach((name, at) -> places.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
        return new NamedSql(sql.toString(), Map.copyOf(places));
    }

    /** The SQL with a {@code ?} for each use of a name, as JDBC takes it. */
    public String sql() {
        return sql;
    }

    /** Binds this SQL's parameters on a statement prepared from {@link #sql()}. */
    public Parameters on(PreparedStatement statement) {
        return new Parameters(statement);
    }

    private int[] places(String name) {
        int[] at = places.get(name);
        if (at == null) {
            throw new IllegalArgumentException("no parameter :" + name + " in " + sql);
        }
        return at;
    }

    @FunctionalInterface
    private interface Setter {
        void set(int place) throws SQLException;
    }

    /** Sets each named parameter everywhere the SQL uses it. */
    public final class Parameters {
        private final PreparedStatement statement;

        private Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        public Parameters text(String name, String value) throws SQLException {
            return set(name, at -> statement.setString(at, value));
        }

        public Parameters integer(String name, int value) throws SQLException {
            return set(name, at -> statement.setInt(at, value));
        }

        public Parameters bigint(String name, long value) throws SQLException {
            return set(name, at -> statement.setLong(at, value));
        }

        /** A bigint that may be absent (SQL NULL). */
        public Parameters bigintOrNull(String name, Long value) throws SQLException {
            return set(name, at -> {
                if (value == null) {
                    statement.setNull(at, java.sql.Types.BIGINT);
                } else {
                    statement.setLong(at, value);
                }
            });
        }

        public Parameters timestamp(String name, Instant value) throws SQLException {
            Timestamp timestamp = Timestamp.from(value);
            return set(name, at -> statement.setTimestamp(at, timestamp));
        }

        private Parameters set(String name, Setter setter) throws SQLException {
            for (int at : places(name)) {
                setter.set(at);
            }
            return this;
        }
    }
}
