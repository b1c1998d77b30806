package dev.dimmer.core.axon;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this node take in what other nodes append at once, not at its next poll: a node that appended events says
 * so on PostgreSQL's channel {@value #CHANNEL} (its switch follower does, after its local commits, coalesced), and
 * this listener then wakes the event store's reader, the processors waiting on it and the switch follower. One
 * connection per node listens, on a thread of its own; when it breaks (database restart) the thread connects again
 * and wakes everything once, for what it may have missed. Polling stays the safety net.
 */
final class ForeignAppends implements AutoCloseable, ApplicationEventListener<StartupEvent> {
    static final String CHANNEL = "dimmer_log";
    private static final Logger LOG = LoggerFactory.getLogger(ForeignAppends.class);
    private static final int WAIT_MILLIS = 500;
    private final DataSource dataSource;
    private final Runnable wake;
    private final Thread listener;
    private volatile boolean stopped;

    ForeignAppends(DataSource dataSource, Runnable wake) {
        this.dataSource = dataSource;
        this.wake = wake;
        listener = new Thread(this::listen, "dimmer-log-listen");
        listener.setDaemon(true);
    }

    /** Listens from the moment the node has started: what it wakes (the switch follower among them) exists by then. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!listener.isAlive() && !stopped) {
            listener.start();
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
                wake.run();
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.debug("processors: listening for other nodes' events failed ({}); connecting again",
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

    @Override
    public void close() {
        stopped = true;
        listener.interrupt();
    }
}
