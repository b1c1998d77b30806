package dev.dimmer.core.schedule;

import dev.dimmer.api.schedule.DueKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Quartz job: reads which migration, kind, wave and validation it is for and hands the firing to
 * {@link DueActions}. One job (per migration, kind, wave and validation) never runs twice at once in the cluster.
 */
@Singleton
@DisallowConcurrentExecution
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class DueJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DueJob.class);
    private final DueActions actions;
    private final FiringLog log;
    private final ConflictRetry retry = ConflictRetry.sleeping();

    DueJob(DueActions actions, FiringLog log) {
        this.actions = actions;
        this.log = log;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        String migration = data.getString(ScheduleWriter.MIGRATION);
        Instant scheduled = context.getScheduledFireTime().toInstant();
        String due = data.getString(ScheduleWriter.DUE);
        Firing firing = new Firing(migration, DueKind.valueOf(data.getString(ScheduleWriter.KIND)),
                data.getString(ScheduleWriter.WAVE), data.getString(ScheduleWriter.VALIDATION), scheduled,
                context.getPreviousFireTime() == null ? null : context.getPreviousFireTime().toInstant(),
                due == null ? null : Instant.parse(due),
                Firing.key(migration, context.getJobDetail().getKey().getName(), scheduled));
        log.fired(firing, context.getFireTime().toInstant());
        try {
            retry.run(() -> actions.fire(firing));
        } catch (RuntimeException e) {
            // the next firing tries again; a failure here must not unschedule the job
            LOG.warn("{} of {} failed: {}", firing.kind().label(), migration, e.getMessage(), e);
        }
    }
}
