package dev.dimmer.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Queues messages in table {@code outbox_message} on the caller's connection: inside an event processor that is the
 * unit of work's connection, so the message commits with the token or not at all. An {@link OutboxRelay} of the
 * topic delivers it.
 */
public final class Outbox {
    /** Where the caller's transaction lives: for Axon, {@code ConnectionProvider::getConnection}. */
    @FunctionalInterface
    public interface Connections {
        Connection get() throws SQLException;
    }

    private static final String ENQUEUE = """
            INSERT INTO outbox_message (topic, message_key, position, payload) VALUES (?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT outbox_message_once DO NOTHING""";
    private final Connections connections;

    public Outbox(Connections connections) {
        this.connections = connections;
    }

    /**
     * Queues a payload for the topic's receiver, behind the key's messages of lower order; a message already queued
     * at the same topic, key and order (a replayed event) is kept as it is.
     *
     * @return false if that message was queued before
     */
    public boolean enqueue(String topic, String key, long order, String payload) throws SQLException {
        try (Connection c = connections.get()) {
            return enqueue(c, topic, key, order, payload);
        }
    }

    /** {@link #enqueue(String, String, long, String)} on a connection the caller keeps open, in its transaction. */
    public static boolean enqueue(Connection c, String topic, String key, long order, String payload)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ENQUEUE)) {
            s.setString(1, topic);
            s.setString(2, key);
            s.setLong(3, order);
            s.setString(4, payload);
            return s.executeUpdate() == 1;
        }
    }
}
