package dev.dimmer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Events of one type read straight from the event table, in log order: the record itself, not a view of it. */
final class LoggedEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoggedEvents() {
    }

    /** One event: its migration and its payload. */
    record Logged(String migration, JsonNode payload) {
    }

    static List<Logged> of(TestDatabase database, Class<?> type) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("SELECT "
                + "aggregate_identifier, payload FROM domain_event_entry WHERE payload_type = ? ORDER BY global_index")) {
            s.setString(1, type.getName());
            List<Logged> events = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    events.add(new Logged(rows.getString(1), JSON.readTree(rows.getBytes(2))));
                }
            }
            return events;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
