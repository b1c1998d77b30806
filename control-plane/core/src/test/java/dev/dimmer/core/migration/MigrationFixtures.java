package dev.dimmer.core.migration;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Fixed ids, clock and plans for Migration tests, in the domain's words. */
final class MigrationFixtures {
    static final String ID = "crm-to-managed-pg";
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");
    static final Actor LEAD = new Actor("U01LEAD", "Ada Lead", Set.of(Role.LEAD));
    static final Provenance BY_LEAD = new Provenance(LEAD, Channel.API, "planned step", T1);
    static final Provenance WITHOUT_REASON = new Provenance(LEAD, Channel.CLI, " ", T1);

    static final Actor APPROVER_ONE = new Actor("U02BEA", "Bea Approver", Set.of(Role.APPROVER));
    static final Actor APPROVER_TWO = new Actor("U03CAI", "Cai Approver", Set.of(Role.APPROVER));

    private MigrationFixtures() {
    }

    /** customers, then orders which depends on customers; canary 10 then 50. */
    static MigrationPlan customersThenOrders() {
        return new MigrationPlan(ID, "CRM to managed PostgreSQL",
                List.of(new Owner("U01LEAD", "Ada Lead", Role.LEAD)),
                List.of(new WavePlan("customers", List.of(), List.of(10, 50)),
                        new WavePlan("orders", List.of("customers"), List.of(10, 50))));
    }

    static MigrationRegisteredEvent registered() {
        return new MigrationRegisteredEvent(ID, customersThenOrders(), T0);
    }

    /** The events that bring a wave from PLANNED to the given phase, canary at the given weight. */
    static List<Object> waveAt(String wave, Phase phase, int canaryWeight) {
        List<Object> events = new java.util.ArrayList<>();
        Phase current = Phase.PLANNED;
        while (current != phase) {
            Phase next = current.next().orElseThrow();
            if (next == Phase.CANARY) {
                events.add(new WaveAdvancedEvent(ID, wave, current, next, 10, T0));
                if (canaryWeight > 10 || phase != Phase.CANARY) {
                    events.add(new dev.dimmer.api.migration.CanaryWeightRaisedEvent(ID, wave, 10,
                            phase == Phase.CANARY ? canaryWeight : 50, T0));
                }
            } else if (next == Phase.CUTOVER) {
                events.add(new dev.dimmer.api.migration.CutoverStartedEvent(ID, wave, 50, T0));
            } else {
                events.add(new WaveAdvancedEvent(ID, wave, current, next, next.fixedWeight(), T0));
            }
            current = next;
        }
        return events;
    }

    /** A go/no-go on the wave opened at T0 and approved by two approvers: what a cutover needs. */
    static List<Object> passedGoNoGo(String wave) {
        return List.of(
                new dev.dimmer.api.migration.GoNoGoOpenedEvent(ID, wave, GoNoGoPolicy.DEFAULT_QUORUM,
                        GoNoGoPolicy.DEFAULT_EXPIRY, T0),
                vote(wave, APPROVER_ONE, dev.dimmer.api.migration.Vote.APPROVE, 1, false),
                vote(wave, APPROVER_TWO, dev.dimmer.api.migration.Vote.APPROVE, 2, true));
    }

    static dev.dimmer.api.migration.VoteCastEvent vote(String wave, Actor voter, dev.dimmer.api.migration.Vote vote,
                                                       int approvals, boolean passed) {
        return new dev.dimmer.api.migration.VoteCastEvent(ID, wave, voter.id(), voter.name(),
                List.copyOf(voter.roles()), vote, vote == dev.dimmer.api.migration.Vote.REJECT ? "not yet" : "",
                approvals, vote == dev.dimmer.api.migration.Vote.REJECT ? 1 : 0, passed, T0);
    }

    static List<Object> registeredWith(List<Object> more) {
        List<Object> events = new java.util.ArrayList<>();
        events.add(registered());
        events.addAll(more);
        return events;
    }
}
