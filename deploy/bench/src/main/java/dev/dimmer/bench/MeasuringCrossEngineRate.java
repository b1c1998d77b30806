package dev.dimmer.bench;

import dev.dimmer.validation.Database;
import dev.dimmer.validation.DiffRequest;
import dev.dimmer.validation.DiffResult;
import dev.dimmer.validation.DiffingTables;
import dev.dimmer.validation.ProgressListener;
import dev.dimmer.validation.ResolvedConnection;
import dev.dimmer.validation.TableRef;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Takes the first rows of the benchmark's source table into a table of their own, generates the same rows on
 * MariaDB with the same formulas, and times the md5-based canonical diff of PostgreSQL against MariaDB.
 */
final class MeasuringCrossEngineRate {
    /**
     * Rows compared per side, wall time, CPU seconds both servers spent (NaN where /proc cannot tell), and whether
     * the two sides compared equal (they should).
     */
    record Outcome(long rows, double seconds, double cpuSeconds, boolean equal) {
    }

    /** CPU seconds used so far by the PostgreSQL and MariaDB servers, when both run on this machine. */
    private static double serversCpu(BenchPostgres postgres) throws SQLException {
        try (Connection c = postgres.connect(BenchPostgres.DATABASE); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            OptionalDouble pg = ServerCpuTime.postgres(rows.getLong(1));
            OptionalDouble maria = ServerCpuTime.mariaDb();
            return pg.isPresent() && maria.isPresent() ? pg.getAsDouble() + maria.getAsDouble() : Double.NaN;
        }
    }

    /** The fastest of {@code runs} diffs (by wall time), with the least CPU time any run took. */
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
                    double cpuBefore = serversCpu(postgres);
                    long started = System.nanoTime();
                    DiffResult result = new DiffingTables().diff(pg, maria, request, ProgressListener.NONE);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Outcome outcome = new Outcome(result.sourceRows(), seconds, serversCpu(postgres) - cpuBefore,
                            result.equal());
                    best = best == null || outcome.seconds() < best.seconds() ? outcome : best;
                    best = new Outcome(best.rows(), best.seconds(), Double.isNaN(best.cpuSeconds())
                            ? outcome.cpuSeconds() : Math.min(best.cpuSeconds(), outcome.cpuSeconds()), best.equal());
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
