package dev.dimmer.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor the event store is measured against: rows shaped like event rows inserted over plain JDBC, either one
 * row per committed transaction from several threads (like commands) or in large batches (like a rebuild).
 */
final class RawJdbcBaseline {
    private final String url;
    private final String user;
    private final String password;

    RawJdbcBaseline(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void prepare() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_event");
            s.execute("""
                    CREATE TABLE bench_raw_event (global_index BIGSERIAL PRIMARY KEY, aggregate_identifier TEXT NOT NULL,
                      sequence_number BIGINT NOT NULL, payload BYTEA NOT NULL, meta_data BYTEA,
                      UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    /** Rows per second, each row its own committed transaction, spread over the threads. */
    double committedInserts(int threads, int rows) throws Exception {
        prepare();
        byte[] payload = new byte[300];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                        "INSERT INTO bench_raw_event (aggregate_identifier, sequence_number, payload, meta_data) "
                                + "VALUES (?, ?, ?, ?)")) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < rows / threads; i++) {
                        s.setString(1, "aggregate-" + thread);
                        s.setLong(2, i);
                        s.setBytes(3, payload);
                        s.setBytes(4, payload);
                        s.executeUpdate();
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (rows / threads * threads) / ((System.nanoTime() - start) / 1e9);
    }

    /** Rows per second inserted in batches, one transaction per batch, on one connection. */
    double batchedInserts(int rows, int batch) throws SQLException {
        prepare();
        byte[] payload = new byte[300];
        long start = System.nanoTime();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO bench_raw_event (aggregate_identifier, sequence_number, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                s.setString(1, "aggregate");
                s.setLong(2, i);
                s.setBytes(3, payload);
                s.setBytes(4, payload);
                s.addBatch();
                if ((i + 1) % batch == 0) {
                    s.executeBatch();
                    c.commit();
                }
            }
            s.executeBatch();
            c.commit();
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    void drop() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_event");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
