package dev.dimmer.chatbot;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the outbox to Slack on its own thread, so Slack's speed, rate limits and outages never reach the control
 * plane. Each row is locked ({@code FOR UPDATE SKIP LOCKED}), posted and marked in one short transaction, so
 * several nodes share the work and none posts a row twice. A 429 pauses delivery for Slack's Retry-After; any
 * other transient failure retries that migration's row with exponential backoff, keeping each thread in order.
 * An error Slack will give again (msg_too_long, channel_not_found, invalid_auth, ...) marks the row failed at once,
 * with one WARN saying what to do, and the migration's later rows go on.
 */
@Context
public class SlackDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SlackDelivery.class);
    private static final int GIVE_UP_AFTER = 12;
    private static final String CANDIDATES = """
            SELECT event_id, migration_id FROM slack_outbox o
             WHERE posted_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
               AND NOT EXISTS (SELECT 1 FROM slack_outbox e WHERE e.migration_id = o.migration_id
                                  AND e.posted_at IS NULL AND e.failed_at IS NULL AND e.position < o.position)
             ORDER BY position LIMIT 50""";
    private static final String LOCK = """
            SELECT migration_id, channel, text, attempts FROM slack_outbox
             WHERE event_id = ? AND posted_at IS NULL AND failed_at IS NULL FOR UPDATE SKIP LOCKED""";
    private final SlackSettings settings;
    private final DataSource dataSource;
    private final MigrationDirectory directory;
    private final StatusLookup status;
    private final Slack slack;
    private final Duration pollInterval;
    private final Duration retryBase;
    private ScheduledExecutorService executor;
    private volatile long pausedUntil;

    public SlackDelivery(SlackSettings settings, DataSource dataSource, MigrationDirectory directory,
                         StatusLookup status, Slack slack,
                         @Value("${dimmer.slack.poll-interval:250ms}") Duration pollInterval,
                         @Value("${dimmer.slack.retry-base:1s}") Duration retryBase) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.directory = directory;
        this.status = status;
        this.slack = slack;
        this.pollInterval = pollInterval;
        this.retryBase = retryBase;
    }

    @PostConstruct
    void start() {
        if (!settings.posting()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dimmer-slack-delivery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::deliverDue, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** One round: posts what is due, oldest first per migration; then refreshes the touched status cards. */
    void deliverDue() {
        if (System.nanoTime() - pausedUntil < 0) {
            return;
        }
        Set<String> touched = new LinkedHashSet<>();
        Set<String> blocked = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (String[] candidate : candidates(c)) {
                if (blocked.contains(candidate[1])) {
                    continue;
                }
                boolean posted = deliver(c, candidate[0]);
                if (posted) {
                    touched.add(candidate[1]);
                } else {
                    blocked.add(candidate[1]);
                }
                if (System.nanoTime() - pausedUntil < 0) {
                    break;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Slack delivery round failed: {}", e.getMessage());
        }
        touched.forEach(this::refreshCard);
    }

    private List<String[]> candidates(Connection c) throws SQLException {
        List<String[]> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CANDIDATES); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return ids;
    }

    /** Posts one row in its own transaction; true if it is done (or was taken by another node). */
    private boolean deliver(Connection c, String eventId) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setString(1, eventId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    c.commit();
                    return true;
                }
                String migrationId = row.getString(1);
                int attempts = row.getInt(4);
                try {
                    String ts = post(migrationId, row.getString(2), row.getString(3));
                    update(c, "UPDATE slack_outbox SET posted_at = now(), message_ts = ?, attempts = attempts + 1 "
                            + "WHERE event_id = ?", ts, eventId);
                    c.commit();
                    return true;
                } catch (SlackFailure failure) {
                    if (failure.permanent()) {
                        LOG.warn("Slack refused event {} of {} for good, not retrying: {}; {}", eventId, migrationId,
                                failure.getMessage(), failure.advice());
                        fail(c, eventId, failure);
                        c.commit();
                        return true;
                    }
                    reschedule(c, eventId, migrationId, attempts, failure);
                    c.commit();
                    return attempts + 1 >= GIVE_UP_AFTER;
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void reschedule(Connection c, String eventId, String migrationId, int attempts, SlackFailure failure)
            throws SQLException {
        if (attempts + 1 >= GIVE_UP_AFTER) {
            LOG.warn("gave up posting event {} of {} to Slack after {} attempts: {}", eventId, migrationId,
                    attempts + 1, failure.getMessage());
            fail(c, eventId, failure);
            return;
        }
        Duration wait = failure.retryAfter() != null ? failure.retryAfter()
                : retryBase.multipliedBy(1L << Math.min(attempts, 8));
        if (failure.retryAfter() != null) {
            pausedUntil = System.nanoTime() + wait.toNanos();
        }
        LOG.info("Slack post of {} deferred {} ms: {}", migrationId, wait.toMillis(), failure.getMessage());
        try (PreparedStatement s = c.prepareStatement("UPDATE slack_outbox SET attempts = attempts + 1, "
                + "last_error = ?, next_attempt_at = now() + make_interval(secs => ?) WHERE event_id = ?")) {
            s.setString(1, failure.getMessage());
            s.setDouble(2, wait.toMillis() / 1000.0);
            s.setString(3, eventId);
            s.executeUpdate();
        }
    }

    private static void fail(Connection c, String eventId, SlackFailure failure) throws SQLException {
        update(c, "UPDATE slack_outbox SET failed_at = now(), attempts = attempts + 1, last_error = ? "
                + "WHERE event_id = ?", failure.getMessage(), eventId);
    }

    private String post(String migrationId, String channel, String text) throws SlackFailure {
        MethodsClient methods = slack.methods(settings.botToken());
        SlackThread thread = directory.thread(migrationId).orElse(null);
        if (thread == null) {
            var root = SlackCalls.call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel)
                    .text("Migration " + SlackText.escape(migrationId))
                    .blocks(status.migration(migrationId).map(StatusCard::of).orElse(null))));
            thread = new SlackThread(root.getChannel(), root.getTs());
            directory.rememberThread(migrationId, thread);
        }
        String threadTs = thread.ts();
        String threadChannel = thread.channel();
        // rows queued before sentences were cut may be longer than Slack takes
        String fitted = SlackText.clip(text, SlackText.BLOCK_TEXT);
        return SlackCalls.call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(threadChannel)
                .threadTs(threadTs).text(fitted))).getTs();
    }

    private void refreshCard(String migrationId) {
        var thread = directory.thread(migrationId);
        var view = status.migration(migrationId);
        if (thread.isEmpty() || view.isEmpty()) {
            return;
        }
        try {
            SlackCalls.call("chat.update", () -> slack.methods(settings.botToken()).chatUpdate(r -> r
                    .channel(thread.get().channel()).ts(thread.get().ts())
                    .text("Migration " + SlackText.escape(migrationId)).blocks(StatusCard.of(view.get()))));
        } catch (SlackFailure failure) {
            if (failure.retryAfter() != null) {
                pausedUntil = System.nanoTime() + failure.retryAfter().toNanos();
            }
            LOG.info("status card of {} not refreshed: {}", migrationId, failure.getMessage());
        }
    }

    private static void update(Connection c, String sql, String first, String second) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, first);
            s.setString(2, second);
            s.executeUpdate();
        }
    }
}
