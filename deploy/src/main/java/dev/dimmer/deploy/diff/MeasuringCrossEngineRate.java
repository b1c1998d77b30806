package dev.dimmer.deploy.diff;

import dev.dimmer.core.validation.Database;
import dev.dimmer.core.validation.DiffRequest;
import dev.dimmer.core.validation.DiffResult;
import dev.dimmer.core.validation.DiffingTables;
import dev.dimmer.core.validation.ProgressListener;
import dev.dimmer.core.validation.ResolvedConnection;
import dev.dimmer.core.validation.TableRef;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Takes the first rows of the benchmark's source table into a table of their own, generates the same rows on
 * MariaDB with the same formulas, and times the md5-based canonical diff of PostgreSQL against MariaDB.
 */
final class MeasuringCrossEngineRate {
    /** Rows compared per side, wall time, and whether the two sides compared equal (they should). */
    record Outcome(long rows, double seconds, boolean equal) {
    }

    /** The fastest of {@code runs} diffs. */
    Outcome measure(BenchPostgres postgres, String mariaDbServerUrl, long rows, int runs) throws SQLException {
        int slash = mariaDbServerUrl.indexOf('/', "jdbc:mariadb://".length());
        int query = mariaDbServerUrl.indexOf('?');
        String url = mariaDbServerUrl.substring(0, slash + 1) + BenchPostgres.DATABASE
                + (query < 0 ? "" : mariaDbServerUrl.substring(query));
        try (Connection c = DriverManager.getConnection(mariaDbServerUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + BenchPostgres.DATABASE);
            s.execute("CREATE DATABASE " + BenchPostgres.DATABASE + " CHARACTER SET utf8mb4");
        }
        try {
            try (Connection c = postgres.connect(BenchPostgres.DATABASE); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + BuildingBenchTables.SCHEMA + ".cross_source AS SELECT * FROM "
                        + BuildingBenchTables.SCHEMA + ".source WHERE id <= " + rows);
                s.execute("ALTER TABLE " + BuildingBenchTables.SCHEMA + ".cross_source ADD PRIMARY KEY (id)");
                s.execute("VACUUM ANALYZE " + BuildingBenchTables.SCHEMA + ".cross_source");
            }
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE source (id BIGINT PRIMARY KEY, name VARCHAR(32), amount DECIMAL(12,2), "
                        + "created_at DATETIME(6))");
                s.execute("INSERT INTO source SELECT seq, MD5(seq), (seq % 100000) / 100, "
                        + "TIMESTAMP('2024-01-01') + INTERVAL seq SECOND FROM seq_1_to_" + rows);
                s.execute("ANALYZE TABLE source");
            }
            Duration timeout = Duration.ofHours(1);
            try (Database pg = Database.open("source", new ResolvedConnection(postgres.url(BenchPostgres.DATABASE),
                         postgres.user(), postgres.password(), "postgres"), 2, timeout);
                 Database maria = Database.open("target", new ResolvedConnection(url, null, null, "mariadb"), 2,
                         timeout)) {
                DiffRequest request = DiffRequest.of(new TableRef(BuildingBenchTables.SCHEMA, "cross_source"),
                        new TableRef(BenchPostgres.DATABASE, "source"), List.of("id"));
                Outcome best = null;
                for (int run = 0; run < runs; run++) {
                    long started = System.nanoTime();
                    DiffResult result = new DiffingTables().diff(pg, maria, request, ProgressListener.NONE);
                    Outcome outcome = new Outcome(result.sourceRows(), (System.nanoTime() - started) / 1e9,
                            result.equal());
                    best = best == null || outcome.seconds() < best.seconds() ? outcome : best;
                }
                return best;
            }
        } finally {
            try (Connection c = DriverManager.getConnection(mariaDbServerUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + BenchPostgres.DATABASE);
            }
        }
    }
}
