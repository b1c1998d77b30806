package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;

import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.Dataset;
import dev.dimmer.api.plan.Inventory;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A revision may change what is ahead of a wave, never what it has done. */
class HistoryPolicyTest {
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    private static WavePlan wave(String name, List<String> datasets, String routingSwitch, List<Integer> steps,
                                 List<String> dependsOn) {
        return new WavePlan(name, dependsOn, steps, null, datasets, routingSwitch, null, null);
    }

    private static MigrationPlan plan(List<WavePlan> waves, String ordersTable, String sourceUrl) {
        Inventory inventory = new Inventory(List.of(
                new Dataset("customers", "crm.customers", List.of("id"), "Ada", null, null),
                new Dataset("orders", ordersTable, List.of("id"), "Ada", null, null)), List.of(), List.of());
        MigrationPlan base = MigrationFixtures.customersThenOrders();
        return new MigrationPlan(ID, base.title(), base.owners(), waves, null, null, null, inventory, null,
                Map.of("source", new Connection(sourceUrl, "app", "${env:SOURCE_PASSWORD}")), null, null, null,
                null, null, null, null);
    }

    private static List<WavePlan> waves(List<String> customerDatasets, String customerSwitch, List<Integer> steps,
                                        List<String> customerDeps) {
        return List.of(wave("customers", customerDatasets, customerSwitch, steps, customerDeps),
                wave("orders", List.of("orders"), "orders-switch", List.of(10, 50), List.of("customers")));
    }

    private static final List<WavePlan> ORIGINAL = waves(List.of("customers"), "crm-switch", List.of(10, 50),
            List.of());
    private static final MigrationPlan REGISTERED = plan(ORIGINAL, "crm.orders", "jdbc:postgresql://old/crm");

    private static List<Object> history(Phase customersPhase, int weight) {
        List<Object> events = new ArrayList<>();
        events.add(new MigrationRegisteredEvent(ID, REGISTERED, T0));
        events.addAll(waveAt("customers", customersPhase, weight));
        return events;
    }

    private void refused(List<Object> given, MigrationPlan revised, String message) {
        fixture.given(given).when(new ApplyPlanCommand(ID, revised, BY_LEAD))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(message);
    }

    @Test
    void canChangeEverythingOfAWaveThatIsStillPlanned() {
        MigrationPlan revised = plan(waves(List.of("customers", "orders"), "other-switch", List.of(5, 25),
                List.of()), "crm.orders_v2", "jdbc:postgresql://new/crm");
        fixture.given(new MigrationRegisteredEvent(ID, REGISTERED, T0))
                .when(new ApplyPlanCommand(ID, revised, BY_LEAD))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(PlanRevisedEvent.class))));
    }

    @Test
    void cannotChangeTheDatasetsOfAWaveAfterBackfillStarted() {
        refused(history(Phase.BACKFILL, 0), plan(waves(List.of("customers", "orders"), "crm-switch",
                        List.of(10, 50), List.of()), "crm.orders", "jdbc:postgresql://old/crm"),
                "wave customers is in BACKFILL; its datasets cannot change after backfill started "
                        + "(put new datasets in a new wave)");
    }

    @Test
    void cannotRepointAMovingDatasetsTable() {
        List<Object> given = history(Phase.PLANNED, 0);
        given.addAll(waveAt("orders", Phase.SHADOW, 0));
        refused(given, plan(ORIGINAL, "crm.orders_v2", "jdbc:postgresql://old/crm"),
                "dataset orders is being moved; its table and key columns cannot change (or disappear) after "
                        + "backfill started");
    }

    @Test
    void cannotRepointAConnectionAfterBackfillStarted() {
        refused(history(Phase.SHADOW, 0), plan(ORIGINAL, "crm.orders", "jdbc:postgresql://elsewhere/crm"),
                "connection source cannot point elsewhere once backfill started (its user and password references "
                        + "may still change)");
    }

    @Test
    void cannotChangeTheSwitchWhileConsumersReadIt() {
        refused(history(Phase.CANARY, 10), plan(waves(List.of("customers"), "new-switch", List.of(10, 50),
                        List.of()), "crm.orders", "jdbc:postgresql://old/crm"),
                "wave customers is in CANARY at 10%; its routing switch cannot change while consumers read it "
                        + "(roll the wave back to SHADOW first)");
    }

    @Test
    void canChangeCanaryStepsAboveTheCurrentWeight() {
        MigrationPlan revised = plan(waves(List.of("customers"), "crm-switch", List.of(10, 25, 50), List.of()),
                "crm.orders", "jdbc:postgresql://old/crm");
        fixture.given(history(Phase.CANARY, 10))
                .when(new ApplyPlanCommand(ID, revised, BY_LEAD))
                .expectEvents(new PlanRevisedEvent(ID, revised,
                        List.of("wave customers: canary steps 10, 50 → 10, 25, 50"), T1));
    }

    @Test
    void cannotChangeCanaryStepsAlreadyTaken() {
        refused(history(Phase.CANARY, 50), plan(waves(List.of("customers"), "crm-switch", List.of(20, 50),
                        List.of()), "crm.orders", "jdbc:postgresql://old/crm"),
                "wave customers is at canary 50%; the steps up to 50% are taken and cannot change (change only "
                        + "the steps above it)");
    }

    @Test
    void cannotAddADependencyAfterCutover() {
        refused(history(Phase.CUTOVER, 0), plan(waves(List.of("customers"), "crm-switch", List.of(10, 50),
                        List.of("orders")), "crm.orders", "jdbc:postgresql://old/crm"),
                "wave customers is in CUTOVER; it cannot gain dependencies after it cut over");
    }

    @Test
    void shouldListEveryViolationAtOnce() {
        refused(history(Phase.CANARY, 10), plan(waves(List.of("customers", "orders"), "new-switch",
                        List.of(10, 50), List.of()), "crm.orders", "jdbc:postgresql://elsewhere/crm"),
                "the revised plan would rewrite history: wave customers is in CANARY at 10%; its datasets cannot "
                        + "change after backfill started (put new datasets in a new wave); wave customers is in "
                        + "CANARY at 10%; its routing switch cannot change while consumers read it (roll the wave "
                        + "back to SHADOW first); connection source cannot point elsewhere once backfill started "
                        + "(its user and password references may still change)");
    }
}
