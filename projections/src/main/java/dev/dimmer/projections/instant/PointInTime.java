package dev.dimmer.projections.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dimmer.api.audit.AsOfView;
import dev.dimmer.api.audit.ExplainedEventView;
import dev.dimmer.api.audit.ExplanationView;
import dev.dimmer.api.audit.MigrationAsOfView;
import dev.dimmer.api.audit.MigrationReplays;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.WaveFact;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.status.WaveStatusView;
import dev.dimmer.projections.EventFacts;
import dev.dimmer.projections.instant.Cutoff.AtInstant;
import dev.dimmer.projections.instant.Cutoff.AtPosition;
import dev.dimmer.projections.instant.Cutoff.BeforeEvent;
import dev.dimmer.projections.status.StatusBoard;
import dev.dimmer.projections.status.StatusFold;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * A migration as it was at any instant or position of the log: its events up to that point replayed through the
 * status board's fold into a board in memory, beside the go/no-go votes open then. Nothing is written to the live
 * views.
 */
@Singleton
public class PointInTime {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final MigrationLog log;
    private final Optional<MigrationReplays> aggregates;

    public PointInTime(Configuration axon, TransactionManager transactions, ConnectionProvider connections,
                       Optional<MigrationReplays> aggregates) {
        this.log = new MigrationLog(transactions, connections, axon.eventSerializer());
        this.aggregates = aggregates;
    }

    /** The migration at the cutoff; empty when it was not registered by then (or never was). */
    public Optional<MigrationAsOfView> asOf(String migrationId, Cutoff cutoff) {
        Replay replay = new Replay(migrationId, aggregates);
        log.read(migrationId, cutoff, replay::take);
        if (!replay.board.registered()) {
            return Optional.empty();
        }
        AsOfView asOf = cutoff instanceof AtInstant at ? new AsOfView(at.instant(), null, replay.events)
                : cutoff instanceof AtPosition at ? new AsOfView(null, at.position(), replay.events)
                : new AsOfView(null, replay.position, replay.events);
        // gates and evidence are judged at the instant asked, or at the last replayed event's store time
        return Optional.of(replay.view(asOf, cutoff instanceof AtInstant at ? at.instant() : replay.storedAt));
    }

    /** What the actor of an event saw when they acted: the migration just before it; empty for no such event. */
    public Optional<ExplanationView> explain(String migrationId, String eventId) {
        Replay replay = new Replay(migrationId, aggregates);
        LoggedEvent target = log.read(migrationId, new BeforeEvent(eventId), replay::take);
        if (target == null) {
            return Optional.empty();
        }
        EventFacts facts = target.facts();
        MigrationEvent event = facts.event();
        String wave = event instanceof WaveFact fact ? fact.wave() : null;
        MigrationAsOfView before = replay.board.registered()
                ? replay.view(new AsOfView(null, replay.position, replay.events), replay.storedAt) : null;
        WaveStatusView waveBefore = before == null || wave == null ? null : replay.board.wave(wave);
        ExplainedEventView explained = new ExplainedEventView(facts.eventId(), facts.position(), facts.version(),
                event.getClass().getSimpleName(), event.at(), wave, facts.provenance().actorId(),
                facts.actorName(), facts.provenance().channel(), facts.provenance().reason(), json(event));
        return Optional.of(new ExplanationView(migrationId, explained, waveBefore,
                wave == null ? null : replay.votes.of(wave),
                event instanceof CommandRefusedEvent refused ? refused.unmet() : List.of(), before));
    }

    private static String json(MigrationEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " of " + event.migrationId()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static final class Replay {
        final String migrationId;
        final StatusBoard board;
        final OpenVotes votes = new OpenVotes();
        final ValidationReportFold report;
        final MigrationReplays.Replay aggregate;
        long events;
        Long position;
        Instant storedAt;

        Replay(String migrationId, Optional<MigrationReplays> aggregates) {
            this.migrationId = migrationId;
            this.board = new StatusBoard(migrationId);
            this.report = new ValidationReportFold(migrationId);
            this.aggregate = aggregates.map(MigrationReplays::start).orElse(null);
        }

        void take(LoggedEvent event) {
            EventFacts facts = event.facts();
            StatusFold.changes(facts).forEach(board::apply);
            votes.apply(facts.event());
            report.apply(facts.event());
            if (aggregate != null) {
                aggregate.apply(new GenericDomainEventMessage<>("Migration", migrationId, facts.version(),
                        facts.event(), facts.metadata(), facts.eventId(), event.storedAt()));
            }
            events++;
            position = facts.position();
            storedAt = event.storedAt();
        }

        MigrationAsOfView view(AsOfView asOf, Instant judgedAt) {
            MigrationStatusView m = board.view();
            return new MigrationAsOfView(m.id(), m.title(), m.state(), m.updatedAt(), m.updatedBy(), m.position(),
                    m.version(), m.waves(), votes.inOrder(m.waves().stream().map(WaveStatusView::name).toList()),
                    aggregate == null ? List.of() : aggregate.checklists(judgedAt), report.view(judgedAt), asOf);
        }
    }
}
