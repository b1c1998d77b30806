package dev.dimmer.core.schedule;

import dev.dimmer.core.metrics.SchedulerState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the node's scheduler and the senders of its queued firings once the application is up (Axon and the
 * command bus are ready before any command is sent) and stops them with the application, letting running jobs and
 * the commands being sent finish.
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class ScheduleEngine implements ApplicationEventListener<StartupEvent>, SchedulerState {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleEngine.class);
    private final Scheduler scheduler;
    private final FiringRelays relays;

    ScheduleEngine(Scheduler scheduler, FiringRelays relays) {
        this.scheduler = scheduler;
        this.relays = relays;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            relays.start();
            scheduler.start();
            LOG.info("scheduler {} started as {}", scheduler.getSchedulerName(), scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not start: " + e.getMessage(), e);
        }
    }

    /** Readiness and {@code dimmer_scheduler_running}: whether this node's scheduler fires jobs. */
    @Override
    public Optional<String> problem() {
        try {
            if (scheduler.isShutdown()) {
                return Optional.of("the scheduler is stopped");
            }
            if (!scheduler.isStarted() || scheduler.isInStandbyMode()) {
                return Optional.of("the scheduler has not started");
            }
            return Optional.empty();
        } catch (SchedulerException e) {
            return Optional.of("the scheduler cannot reach its job store: " + e.getMessage());
        }
    }

    /**
     * Stops firing and waits for running jobs; call it before Axon shuts down, so that no job meets a command bus
     * without handlers. Stopping twice is harmless.
     */
    @PreDestroy
    public void stop() {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warn("the scheduler did not stop cleanly: {}", e.getMessage());
        }
        // firings queued and not sent yet stay queued: the next node (or this one's next start) sends them
        relays.stop();
    }
}
