package dev.dimmer.deploy;

import dev.dimmer.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads tables straight from the database, to compare what the views hold. */
final class Tables {
    private Tables() {
    }

    static List<List<Object>> rows(TestDatabase database, String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the status view has taken in every migration's last event in the log; fails after a minute. */
    static void awaitViewsAtLastEvents(TestDatabase database) throws InterruptedException {
        String behind = """
                SELECT count(*) FROM status_migration s
                 WHERE s.position < (SELECT max(global_index) FROM domain_event_entry e
                                      WHERE e.aggregate_identifier = s.id)""";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (count(database, behind) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (count(database, behind) > 0) {
            throw new AssertionError("migrations whose view has not reached their last event: "
                    + rows(database, "SELECT id, position FROM status_migration"));
        }
    }

    static long count(TestDatabase database, String sql) {
        return Long.parseLong((String) rows(database, sql).get(0).get(0));
    }
}
