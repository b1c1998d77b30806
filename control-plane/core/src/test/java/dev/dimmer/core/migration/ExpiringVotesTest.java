package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.APPROVER_ONE;
import static dev.dimmer.core.migration.MigrationFixtures.APPROVER_TWO;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.registered;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.schedule.DueKind;
import dev.dimmer.api.schedule.ScheduledNoticeEvent;
import dev.dimmer.core.schedule.Derivation;
import dev.dimmer.core.schedule.Due;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

/**
 * Expiring go/no-go ballots as the scheduler derives them from a migration's events, with the clock moved by hand:
 * each ballot is announced ahead (4h, or half its lifetime when shorter) with the quorum it would leave, and its
 * expiry is announced when the quorum drops; a vote cast again moves both.
 */
class ExpiringVotesTest {
    private static final Duration DAY = Duration.ofHours(24);
    private final List<Object> events = new ArrayList<>();
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private void given(Object... more) {
        events.addAll(List.of(more));
    }

    private void at(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private Migration migration() {
        Migration root = new Migration();
        EventSourcedAggregate<Migration> aggregate = EventSourcedAggregate.initialize(root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Migration.class),
                (org.axonframework.eventhandling.EventBus) null, NoSnapshotTriggerDefinition.TRIGGER);
        long sequence = 0;
        for (Object event : events) {
            aggregate.initializeState(DomainEventStream.of(new GenericDomainEventMessage<>("Migration", ID,
                    sequence++, event)));
        }
        return root;
    }

    private List<Due> derived() {
        return Derivation.of(migration().scheduleFacts(), clock.instant());
    }

    private Optional<Due> job(DueKind kind) {
        return derived().stream().filter(d -> d.kind() == kind).findFirst();
    }

    private static VoteCastEvent approval(Actor voter, Instant at) {
        return new VoteCastEvent(ID, "customers", voter.id(), voter.name(), List.copyOf(voter.roles()), Vote.APPROVE,
                "", 0, 0, false, at);
    }

    private void givenAGoNoGoPassedByTwoApprovals(Duration expiry) {
        given(registered());
        waveAt("customers", Phase.CANARY, 50).forEach(this::given);
        given(new GoNoGoOpenedEvent(ID, "customers", GoNoGoPolicy.DEFAULT_QUORUM, expiry, T0),
                approval(APPROVER_ONE, T0.plus(Duration.ofHours(1))),
                approval(APPROVER_TWO, T0.plus(Duration.ofHours(2))));
    }

    @Test
    void anApprovalIsAnnouncedFourHoursBeforeItExpiresWithTheQuorumItWouldLeave() {
        givenAGoNoGoPassedByTwoApprovals(DAY);
        at(T0.plus(Duration.ofHours(3)));

        ScheduleFacts.Expiry bea = migration().scheduleFacts().wave("customers").orElseThrow().expiries().get(0);
        assertThat(bea.voterName()).isEqualTo("Bea Approver");
        assertThat(bea.at()).isEqualTo(T0.plus(Duration.ofHours(25)));
        assertThat(bea.passesBefore()).isTrue();
        assertThat(bea.shortfallAfter()).containsExactly("it has 1 of 2 approvals from approvers");
        assertThat(bea.dropsQuorum()).isTrue();

        Due expires = job(DueKind.VOTE_EXPIRES).orElseThrow();
        assertThat(expires.start()).isEqualTo(T0.plus(Duration.ofHours(21)));
        assertThat(expires.due()).isEqualTo(bea.at());
        assertThat(expires.rule()).startsWith("Bea Approver's approval on the cutover expires at ")
                .endsWith("; announced 4h ahead");
        Due expired = job(DueKind.VOTE_EXPIRED).orElseThrow();
        assertThat(expired.start()).isEqualTo(bea.at());
        assertThat(expired.rule()).endsWith("the go/no-go then lacks: it has 1 of 2 approvals from approvers");
    }

    @Test
    void onceAnnouncedTheNextBallotIsDueAndAnExpiryThatDropsNoQuorumIsNotAnnouncedAsDropped() {
        givenAGoNoGoPassedByTwoApprovals(DAY);
        Instant beaExpires = T0.plus(Duration.ofHours(25));
        given(new ScheduledNoticeEvent(ID, "customers", DueKind.VOTE_EXPIRES, "...", beaExpires,
                        beaExpires.minus(Duration.ofHours(4))),
                new ScheduledNoticeEvent(ID, "customers", DueKind.VOTE_EXPIRED, "...", beaExpires, beaExpires));
        at(beaExpires.plusSeconds(1));

        Due expires = job(DueKind.VOTE_EXPIRES).orElseThrow();
        assertThat(expires.rule()).startsWith("Cai Approver's approval");
        assertThat(expires.due()).isEqualTo(T0.plus(Duration.ofHours(26)));
        // the go/no-go stopped passing at Bea's expiry: Cai's changes nothing worth a second alarm
        assertThat(job(DueKind.VOTE_EXPIRED)).isEmpty();
    }

    @Test
    void aVoteCastAgainMovesItsExpiry() {
        givenAGoNoGoPassedByTwoApprovals(DAY);
        given(approval(APPROVER_ONE, T0.plus(Duration.ofHours(10))));
        at(T0.plus(Duration.ofHours(11)));

        Due expires = job(DueKind.VOTE_EXPIRES).orElseThrow();
        assertThat(expires.rule()).startsWith("Cai Approver's approval");
        assertThat(expires.start()).isEqualTo(T0.plus(Duration.ofHours(22)));
        assertThat(migration().scheduleFacts().wave("customers").orElseThrow().expiries())
                .extracting(ScheduleFacts.Expiry::at)
                .containsExactly(T0.plus(Duration.ofHours(26)), T0.plus(Duration.ofHours(34)));
    }

    @Test
    void aShortLifetimeIsAnnouncedHalfwayAndNothingIsDueOnceTheWaveTookTheStep() {
        givenAGoNoGoPassedByTwoApprovals(Duration.ofHours(6));
        at(T0.plus(Duration.ofHours(2)));
        assertThat(job(DueKind.VOTE_EXPIRES).orElseThrow().start()).isEqualTo(T0.plus(Duration.ofHours(4)));

        given(new dev.dimmer.api.migration.CutoverStartedEvent(ID, "customers", 50, T0.plus(Duration.ofHours(3))));
        assertThat(derived()).noneMatch(d -> d.kind() == DueKind.VOTE_EXPIRES || d.kind() == DueKind.VOTE_EXPIRED);
    }
}
