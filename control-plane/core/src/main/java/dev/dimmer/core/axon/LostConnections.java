package dev.dimmer.core.axon;

import java.sql.SQLException;

/**
 * Tells a lost connection from an error the database answered: after the first, a commit may or may not have
 * happened; after the second, the database says what it did.
 */
final class LostConnections {
    private LostConnections() {
    }

    static boolean lost(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            // 08: connection exception; 57P01..57P03: the server shut down or terminated the session
            if (state == null || state.startsWith("08") || state.startsWith("57P")) {
                return true;
            }
        }
        return false;
    }
}
