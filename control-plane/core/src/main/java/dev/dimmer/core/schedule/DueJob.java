package dev.dimmer.core.schedule;

import dev.dimmer.api.schedule.DueKind;
import dev.dimmer.core.metrics.SchedulerMetrics;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Quartz job: reads which migration, kind, wave and validation it is for and queues the firing, keyed by
 * the job and its scheduled fire time, for the {@link FiringRelays} that send its command. The Quartz thread does
 * only that insert: a burst of firings is taken at once, and the firing completes in Quartz only once its row is
 * committed (a node that dies before has it fired again elsewhere, as the job requests recovery). It may run
 * concurrently with itself: it only queues, and the queue acts on a job's firings one at a time, in order (Quartz's
 * blocking of a job's triggers while it runs would cost two more statements and a wake-up per firing).
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class DueJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DueJob.class);
    private final FiringQueue queue;
    private final FiringLog log;
    private final SchedulerMetrics metrics;

    DueJob(FiringQueue queue, FiringLog log, SchedulerMetrics metrics) {
        this.queue = queue;
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String migration = data.getString(ScheduleWriter.MIGRATION);
        Instant scheduled = scheduledTime(context);
        String due = data.getString(ScheduleWriter.DUE);
        Firing firing = new Firing(migration, DueKind.valueOf(data.getString(ScheduleWriter.KIND)),
                data.getString(ScheduleWriter.WAVE), data.getString(ScheduleWriter.VALIDATION), scheduled,
                context.getPreviousFireTime() == null ? null : context.getPreviousFireTime().toInstant(),
                due == null ? null : Instant.parse(due),
                Firing.key(migration, context.getJobDetail().getKey().getName(), scheduled));
        Duration late = Duration.between(scheduled, context.getFireTime().toInstant());
        try {
            boolean first = queue.enqueue(firing, context.getJobDetail().getKey().getName());
            log.taken(firing, context.getFireTime().toInstant(), first);
            metrics.fired(firing.kind().label(), "done", late);
        } catch (SQLException | RuntimeException e) {
            metrics.fired(firing.kind().label(), "failed", late);
            // the database is away: this slot is missed, the job's next firing tries again (never unscheduled)
            LOG.warn("{} of {} could not be queued: {}", firing.kind().label(), migration, e.getMessage());
            throw new JobExecutionException(e, false);
        }
    }

    /**
     * The slot this firing is for. A job whose node died while it ran is fired again by a recovery trigger of
     * Quartz's own, scheduled when the death was noticed: the slot is the original trigger's, which Quartz keeps in
     * the recovery trigger's data, so that the firing's key (and the run's time) are those of the first attempt and
     * the queue takes the second attempt as the same firing.
     */
    static Instant scheduledTime(JobExecutionContext context) {
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null && original.matches("\\d{1,19}")) {
                return Instant.ofEpochMilli(Long.parseLong(original));
            }
        }
        return context.getScheduledFireTime().toInstant();
    }
}
