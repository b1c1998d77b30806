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

    static long count(TestDatabase database, String sql) {
        return Long.parseLong((String) rows(database, sql).get(0).get(0));
    }
}
