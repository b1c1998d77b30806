package dev.dimmer.core.schedule;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the node's scheduler once the application is up (Axon and the command bus are ready before any job fires)
 * and stops it with the application, letting running jobs finish.
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class ScheduleEngine implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleEngine.class);
    private final Scheduler scheduler;

    ScheduleEngine(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            scheduler.start();
            LOG.info("scheduler {} started as {}", scheduler.getSchedulerName(), scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not start: " + e.getMessage(), e);
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
    }
}
