package dev.dimmer.projections.switches;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes "the log grew" between the nodes of one database with PostgreSQL's LISTEN/NOTIFY: a node that appended
 * events says so on channel {@value #CHANNEL}, and every node listening wakes its follower at once instead of at its
 * next poll. One connection per node listens, on a thread of its own; when it breaks (database restart), the thread
 * connects again and wakes the follower once to catch up on what it may have missed.
 */
final class LogNotifications {
    static final String CHANNEL = "dimmer_log";
    private static final Logger LOG = LoggerFactory.getLogger(LogNotifications.class);
    private static final int WAIT_MILLIS = 500;
    private final DataSource dataSource;
    private final Runnable wake;
    private final AtomicBoolean appended = new AtomicBoolean();
    private final Thread listener;
    private volatile boolean stopped;

    LogNotifications(DataSource dataSource, Runnable wake) {
        this.dataSource = dataSource;
        this.wake = wake;
        listener = new Thread(this::listen, "dimmer-switches-listen");
        listener.setDaemon(true);
        listener.start();
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
            LOG.debug("switches: could not notify the other nodes: {}", e.getMessage());
        }
    }

    private void listen() {
        while (!stopped) {
            try (Connection c = dataSource.getConnection()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                // whatever was appended before LISTEN took effect
                wake.run();
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException e) {
                if (!stopped) {
                    LOG.debug("switches: listening for other nodes' events failed ({}); connecting again",
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    void stop() {
        stopped = true;
        listener.interrupt();
    }
}
