package dev.dimmer.core.schedule;

import dev.dimmer.api.evidence.GoNoGoVoidedEvent;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveEvent;
import dev.dimmer.api.schedule.ScheduledNoticeEvent;
import dev.dimmer.core.evidence.MigrationReader;
import dev.dimmer.core.migration.ScheduleFacts;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.quartz.SchedulerException;

/**
 * Keeps each migration's jobs in step with its plan and state: on registration, a plan revision, a phase or weight
 * change, a go/no-go, a notice given or an abort, the migration's jobs are derived again from its current state and
 * written to Quartz. One node handles each event (the processing group's token), and the write is idempotent.
 */
@Singleton
@ProcessingGroup("schedules")
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class ScheduleDeriving {
    // a provider: this handler is made while Axon is configured, and the reader needs Axon's configuration
    private final BeanProvider<MigrationReader> migrations;
    private final ScheduleWriter writer;
    private final Clock clock;

    ScheduleDeriving(BeanProvider<MigrationReader> migrations, ScheduleWriter writer, Clock clock) {
        this.migrations = migrations;
        this.writer = writer;
        this.clock = clock;
    }

    @EventHandler
    void on(MigrationRegisteredEvent event) {
        derive(event.migrationId());
    }

    @EventHandler
    void on(PlanRevisedEvent event) {
        derive(event.migrationId());
    }

    @EventHandler
    void on(WaveEvent event) {
        derive(event.migrationId());
    }

    @EventHandler
    void on(GoNoGoOpenedEvent event) {
        derive(event.migrationId());
    }

    @EventHandler
    void on(VoteCastEvent event) {
        derive(event.migrationId());
    }

    @EventHandler
    void on(GoNoGoVoidedEvent event) {
        derive(event.migrationId());
    }

    @EventHandler
    void on(ScheduledNoticeEvent event) {
        derive(event.migrationId());
    }

    @EventHandler
    void on(MigrationAbortedEvent event) throws SchedulerException {
        writer.clear(event.migrationId());
    }

    /** Derives the migration's jobs from its current state and writes them; answers how many changed. */
    public int derive(String migration) {
        ScheduleFacts facts;
        try {
            facts = migrations.get().read(migration, m -> m.scheduleFacts());
        } catch (AggregateNotFoundException e) {
            return 0;
        }
        try {
            if (facts.aborted()) {
                writer.clear(migration);
                return 0;
            }
            return writer.write(migration, Derivation.of(facts, clock.instant()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not write the schedule of " + migration + ": " + e.getMessage(),
                    e);
        }
    }
}
