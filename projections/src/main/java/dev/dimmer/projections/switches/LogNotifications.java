package dev.dimmer.projections.switches;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes of one database "the log grew" with PostgreSQL's NOTIFY on channel {@value #CHANNEL}, once
 * for however many local commits came since the last time. The nodes listen with one connection each (the control
 * plane's {@code ForeignAppends}), and wake their event store, processors and switch follower at once instead of at
 * their next poll.
 */
final class LogNotifications {
    static final String CHANNEL = "dimmer_log";
    private static final Logger LOG = LoggerFactory.getLogger(LogNotifications.class);
    private final DataSource dataSource;
    private final AtomicBoolean appended = new AtomicBoolean();

    LogNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** This node committed events: the next {@link #publish()} tells the others. */
    void appendedHere() {
        appended.set(true);
    }

    /** Tells the other nodes, once for however many local commits came since the last call. */
    void publish() {
        if (!appended.getAndSet(false)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, '')")) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            s.setString(1, CHANNEL);
            s.execute();
        } catch (SQLException e) {
            // the other nodes see the events at their next poll
            LOG.debug("could not notify the other nodes: {}", e.getMessage());
        }
    }
}
