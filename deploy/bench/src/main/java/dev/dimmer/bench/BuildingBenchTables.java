package dev.dimmer.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Builds the two benchmark tables (bigint key, text, numeric, timestamp), identical but for ten planted changes:
 * three deletes (at both ends and inside), three inserts (before, just after and well after the key range) and
 * four updates of different columns.
 */
final class BuildingBenchTables {
    static final String SCHEMA = "dimmer_bench";

    PlantedDifferences build(Connection connection, long rows) throws SQLException {
        long third = rows / 3;
        long fifth = rows / 5;
        long seventh = rows / 7;
        long half = rows / 2 + 1;
        try (Statement s = connection.createStatement()) {
            s.execute("SET max_parallel_workers_per_gather = 2");
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".source (id bigint NOT NULL, name text, amount numeric(12,2), "
                    + "created_at timestamp)");
            s.execute("INSERT INTO " + SCHEMA + ".source SELECT i, md5(i::text), (i % 100000) / 100.0, "
                    + "timestamp '2024-01-01' + i * interval '1 second' FROM generate_series(1, " + rows + ") i");
            s.execute("CREATE TABLE " + SCHEMA + ".target AS SELECT * FROM " + SCHEMA + ".source");
            s.execute("ALTER TABLE " + SCHEMA + ".source ADD PRIMARY KEY (id)");
            s.execute("ALTER TABLE " + SCHEMA + ".target ADD PRIMARY KEY (id)");
            s.execute("DELETE FROM " + SCHEMA + ".target WHERE id IN (1, " + fifth + ", " + rows + ")");
            s.execute("INSERT INTO " + SCHEMA + ".target VALUES (0, 'before', 1, '2023-12-31'), (" + (rows + 1)
                    + ", 'after', 2, '2030-01-01'), (" + (rows + 100) + ", 'far', 3, '2030-01-02')");
            s.execute("UPDATE " + SCHEMA + ".target SET name = 'renamed' WHERE id = " + seventh);
            s.execute("UPDATE " + SCHEMA + ".target SET amount = amount + 0.01 WHERE id = " + third);
            s.execute("UPDATE " + SCHEMA + ".target SET created_at = created_at + interval '1 microsecond' "
                    + "WHERE id = " + half);
            s.execute("UPDATE " + SCHEMA + ".target SET name = NULL WHERE id = " + (rows - 1));
            // Hint bits and the visibility map set now, so no timed scan pays for them.
            s.execute("VACUUM ANALYZE " + SCHEMA + ".source");
            s.execute("VACUUM ANALYZE " + SCHEMA + ".target");
        }
        return new PlantedDifferences(List.of(1L, fifth, rows), List.of(0L, rows + 1, rows + 100),
                List.of(seventh, third, half, rows - 1));
    }
}
