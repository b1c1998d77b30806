package dev.dimmer.chatbot;

import dev.dimmer.api.audit.EventProvenance;
import dev.dimmer.api.audit.LogPosition;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.outbox.Outbox;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every migration event into a sentence for the plan's channel. With Slack configured the sentence goes
 * into the outbox (topic {@code slack}, keyed by migration, ordered by the event's position) in the same transaction
 * as the processor's token, so each event is queued exactly once; {@link SlackDelivery} posts it. Without Slack the
 * sentence goes to the log.
 * A refused command reaches the channel without the free text that came with it, and only when its sender holds
 * some role: a stranger's attempt stays on the record and in the log, never in the channel.
 */
@Singleton
@ProcessingGroup(ChannelNotifier.GROUP)
// the benchmarks switch it off to measure the core alone
@Requires(property = "dimmer.slack.notifier.enabled", notEquals = "false")
public class ChannelNotifier {
    public static final String GROUP = "slack-notifier";
    private static final Logger LOG = LoggerFactory.getLogger("dev.dimmer.slack");
    // an installation that adds Slack later should not flood its channels with the whole history
    private static final Duration BACKLOG = Duration.ofDays(1);
    private final ConnectionProvider connections;
    private final Outbox outbox;
    private final MigrationDirectory directory;
    private final SlackSettings settings;
    private final Clock clock;
    private final AuditLinks links;

    public ChannelNotifier(ConnectionProvider connections, MigrationDirectory directory, SlackSettings settings,
                           Clock clock) {
        this(connections, directory, settings, clock, new AuditLinks(""));
    }

    @jakarta.inject.Inject
    ChannelNotifier(ConnectionProvider connections, MigrationDirectory directory, SlackSettings settings,
                    Clock clock, AuditLinks links) {
        this.connections = connections;
        this.outbox = new Outbox(connections::getConnection);
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.links = links;
    }

    @EventHandler
    void on(MigrationRegisteredEvent event, EventMessage<?> message) throws SQLException {
        try (Connection c = connections.getConnection()) {
            directory.remember(c, event.plan());
            tell(c, event, message);
        }
    }

    @EventHandler
    void on(PlanRevisedEvent event, EventMessage<?> message) throws SQLException {
        try (Connection c = connections.getConnection()) {
            directory.remember(c, event.plan());
            tell(c, event, message);
        }
    }

    @EventHandler
    void on(MigrationEvent event, EventMessage<?> message) throws SQLException {
        try (Connection c = connections.getConnection()) {
            tell(c, event, message);
        }
    }

    private void tell(Connection c, MigrationEvent event, EventMessage<?> message)
            throws SQLException {
        EventProvenance by = EventProvenance.of(message.getMetaData());
        long position = LogPosition.of(message);
        boolean refused = event instanceof CommandRefusedEvent;
        String said = Sentences.of(event, by.actorName(), refused ? null : by.reason(), position);
        if (said == null) {
            return;
        }
        // the link goes in after the clip: a cut must not fall inside its <url|text>
        String sentence = links.linked(SlackText.clip(said, SlackText.BLOCK_TEXT - links.room()),
                event.migrationId());
        Optional<String> channel = directory.channel(c, event.migrationId());
        boolean stranger = refused && !by.heldARole();
        if (!settings.posting() || channel.isEmpty() || stranger) {
            // reasons may hold newlines; a log line must stay one line
            LOG.info("{} {}", channel.orElse("(no channel)"), dev.dimmer.api.migration.Ids.escaped(sentence));
            return;
        }
        if (event.at().isBefore(clock.instant().minus(BACKLOG))) {
            return;
        }
        outbox.enqueue(SlackDelivery.TOPIC, event.migrationId(), position,
                new SlackPost(channel.get(), sentence).payload());
    }
}
