package dev.dimmer.projections.switches;

import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.status.LogGrewElsewhere;
import dev.dimmer.projections.EventFacts;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's {@link SwitchBoard} current: reads the whole log into memory before the node serves (a
 * context bean, started before the HTTP server), then follows it on a thread of its own. Its position lives only in
 * this object: no token row, so nodes never share or hand over the work (each must hold every switch), and a
 * rebuild of the other views, which resets their tokens, never touches it. It reads the storage engine directly,
 * gap-aware like a processor: at once after a local commit; at once when another node says over PostgreSQL's
 * LISTEN/NOTIFY that it appended ({@link LogNotifications}, heard by the control plane's one listener per node,
 * {@code dimmer.switches.listen}); and every
 * {@code dimmer.switches.poll-interval} in any case, should a notification be lost with a connection.
 */
@Context
public class SwitchFollower implements ApplicationEventListener<LogGrewElsewhere> {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchFollower.class);
    private final EventStorageEngine log;
    private final SwitchBoard board;
    private final long pollMillis;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private final LogNotifications notifications;
    private volatile boolean stopped;
    private TrackingToken token;

    public SwitchFollower(Configuration axon, SwitchBoard board, DataSource dataSource,
                          @Value("${dimmer.switches.poll-interval:1s}") java.time.Duration poll,
                          @Value("${dimmer.switches.listen:true}") boolean listen) {
        this.log = axon.getComponent(EventStorageEngine.class);
        this.board = board;
        this.pollMillis = Math.max(1, poll.toMillis());
        long started = System.nanoTime();
        int events = readNew();
        board.markReady();
        LOG.info("switches: {} served from {} events read in {} ms", board.served().byKey().size(), events,
                (System.nanoTime() - started) / 1_000_000);
        notifications = listen ? new LogNotifications(dataSource) : null;
        axon.eventStore().subscribe(appended -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> committedHere());
            } else {
                committedHere();
            }
        });
        thread = new Thread(this::follow, "dimmer-switches");
        thread.setDaemon(true);
        thread.start();
    }

    /** Another node appended: read now (the node's one LISTEN connection tells, {@code dimmer.switches.listen}). */
    @Override
    public void onApplicationEvent(LogGrewElsewhere event) {
        wake.release();
    }

    private void committedHere() {
        if (notifications != null) {
            notifications.appendedHere();
        }
        wake.release();
    }

    private void follow() {
        while (!stopped) {
            try {
                wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                readNew();
                if (notifications != null) {
                    notifications.publish();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be away for a moment; the board keeps serving what it knows
                LOG.warn("switches: could not read the log ({}); trying again", e.getMessage());
                sleepQuietly();
            }
        }
    }

    /** Reads what was appended since the last read, in batches, and applies it; answers how many events. */
    private int readNew() {
        int count = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = log.readEvents(token, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            List<EventFacts> batch = new ArrayList<>();
            while (events.hasNext()) {
                TrackedEventMessage<?> message = events.next();
                if (message.getPayload() instanceof MigrationEvent event) {
                    batch.add(EventFacts.of(event, message));
                }
                token = message.trackingToken();
                count++;
                if (batch.size() == 1000) {
                    board.apply(batch);
                    batch = new ArrayList<>();
                }
            }
            board.apply(batch);
        }
        return count;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(Math.max(pollMillis, 500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        thread.interrupt();
    }
}
