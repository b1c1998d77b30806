package dev.dimmer.chatbot;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import dev.dimmer.outbox.Backoff;
import dev.dimmer.outbox.Delivery;
import dev.dimmer.outbox.OutboxMessage;
import dev.dimmer.outbox.OutboxRelay;
import dev.dimmer.outbox.Outcome;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the outbox's topic {@code slack} into each migration's thread, through an {@link OutboxRelay} on its own
 * thread, so Slack's speed, rate limits and outages never reach the control plane; several nodes share the work and
 * none posts a row twice. A 429 pauses delivery for Slack's Retry-After; any other transient failure retries that
 * migration's row with exponential backoff (12 attempts), keeping each thread in order. An error Slack will give
 * again (msg_too_long, channel_not_found, invalid_auth, ...) marks the row failed at once, with one WARN saying what
 * to do, and the migration's later rows go on. After each round the touched status cards are refreshed.
 */
@Context
public class SlackDelivery implements Delivery {
    static final String TOPIC = "slack";
    /** Signed audit checkpoints for the threads, ordered by tree size (SlackCheckpointWitness). */
    static final String WITNESS_TOPIC = "slack-witness";
    private static final Logger LOG = LoggerFactory.getLogger(SlackDelivery.class);
    private final SlackSettings settings;
    private final MigrationDirectory directory;
    private final StatusLookup status;
    private final Slack slack;
    private final Duration pollInterval;
    private final OutboxRelay relay;
    private final OutboxRelay witnessRelay;

    public SlackDelivery(SlackSettings settings, DataSource dataSource, MigrationDirectory directory,
                         StatusLookup status, Slack slack, Clock clock,
                         @Value("${dimmer.slack.poll-interval:250ms}") Duration pollInterval,
                         @Value("${dimmer.slack.retry-base:1s}") Duration retryBase) {
        this.settings = settings;
        this.directory = directory;
        this.status = status;
        this.slack = slack;
        this.pollInterval = pollInterval;
        this.relay = new OutboxRelay(TOPIC, dataSource, this, Backoff.doubling(retryBase), clock);
        this.witnessRelay = new OutboxRelay(WITNESS_TOPIC, dataSource, this, Backoff.doubling(retryBase), clock);
    }

    @PostConstruct
    void start() {
        if (settings.posting()) {
            relay.start(pollInterval);
            witnessRelay.start(pollInterval);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        relay.close();
        witnessRelay.close();
    }

    /** Posts one row into its migration's thread (opening the thread first if need be); answers Slack's ts. */
    @Override
    public Outcome deliver(OutboxMessage message) {
        SlackPost post;
        try {
            post = SlackPost.of(message.payload());
        } catch (IllegalArgumentException e) {
            return new Outcome.Permanent(e.getMessage(), "the audit trail has the event");
        }
        try {
            return new Outcome.Delivered(post(message.key(), post.channel(), post.text()));
        } catch (SlackFailure failure) {
            if (failure.permanent()) {
                return new Outcome.Permanent(failure.getMessage(), failure.advice());
            }
            return failure.retryAfter() != null ? new Outcome.RetryAfter(failure.retryAfter(), failure.getMessage())
                    : new Outcome.Transient(failure.getMessage());
        }
    }

    @Override
    public void delivered(Set<String> migrationIds) {
        migrationIds.forEach(this::refreshCard);
    }

    private String post(String migrationId, String channel, String text) throws SlackFailure {
        MethodsClient methods = slack.methods(settings.botToken());
        SlackThread thread = directory.thread(migrationId).orElse(null);
        if (thread == null) {
            var root = SlackCalls.call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel)
                    .text("Migration " + SlackText.escape(migrationId))
                    .blocks(status.migration(migrationId).map(v -> StatusCard.of(v, status.report(migrationId).orElse(null)))
                            .orElse(null))));
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
                    .text("Migration " + SlackText.escape(migrationId)).blocks(StatusCard.of(view.get(), status.report(migrationId).orElse(null)))));
        } catch (SlackFailure failure) {
            if (failure.retryAfter() != null) {
                relay.pause(failure.retryAfter());
            }
            LOG.info("status card of {} not refreshed: {}", migrationId, failure.getMessage());
        }
    }
}
