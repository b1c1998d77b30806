package dev.dimmer.core.audit;

import dev.dimmer.api.ledger.Leaf;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The event table's columns as a ledger reads them: every stored byte, never deserialised. */
final class EventRows {
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    private EventRows() {
    }

    /** The leaf of the row whose {@link #COLUMNS} start at column {@code first}. */
    static Leaf leaf(ResultSet row, int first) throws SQLException {
        return new Leaf(row.getString(first + 1), row.getString(first + 2), row.getLong(first + 3),
                row.getString(first + 4), row.getString(first + 5), row.getString(first + 6), row.getString(first + 7),
                row.getBytes(first + 8), row.getBytes(first + 9));
    }
}
