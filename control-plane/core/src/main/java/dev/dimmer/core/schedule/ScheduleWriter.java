package dev.dimmer.core.schedule;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Writes a migration's jobs into Quartz: one group per migration, one job and trigger per {@link Due}. A job whose
 * rule did not change keeps its trigger (a recurring validation keeps its rhythm across re-derivations); a changed
 * one is replaced; one no longer due is deleted. Every trigger has an explicit misfire policy: fire once now, then
 * go on with the same period (a job missed over an outage runs once, not once per missed slot).
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class ScheduleWriter {
    static final String MIGRATION = "migration";
    static final String KIND = "kind";
    static final String WAVE = "wave";
    static final String VALIDATION = "validation";
    static final String RULE = "rule";
    static final String DUE = "due";
    private final Scheduler scheduler;

    ScheduleWriter(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Makes the migration's jobs in Quartz those of {@code jobs}; answers how many were written or deleted. */
    public synchronized int write(String migration, List<Due> jobs) throws SchedulerException {
        Map<String, Due> wanted = new HashMap<>();
        jobs.forEach(job -> wanted.put(job.name(), job));
        int changed = 0;
        Set<JobKey> existing = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(migration));
        for (JobKey key : existing) {
            if (!wanted.containsKey(key.getName())) {
                scheduler.deleteJob(key);
                changed++;
            }
        }
        for (Due job : jobs) {
            JobKey key = JobKey.jobKey(job.name(), migration);
            Trigger current = scheduler.getTrigger(TriggerKey.triggerKey(job.name(), migration));
            if (current != null && same(current, job)) {
                continue;
            }
            scheduler.scheduleJob(detail(migration, job, key), Set.of(trigger(migration, job, key)), true);
            changed++;
        }
        return changed;
    }

    /** Deletes every job of the migration (it was aborted). */
    public synchronized void clear(String migration) throws SchedulerException {
        scheduler.deleteJobs(List.copyOf(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(migration))));
    }

    private static boolean same(Trigger current, Due job) {
        if (!(current instanceof SimpleTrigger simple)) {
            return false;
        }
        String rule = current.getJobDataMap().getString(RULE);
        String due = current.getJobDataMap().getString(DUE);
        if (job.recurring()) {
            // a validation keeps its rhythm; a recurring job about one due time (auto_advance looking every 30s
            // after a hold) starts again when that time moves (the wave entered canary, its hold is another)
            return simple.getRepeatInterval() == job.every().toMillis() && simple.getRepeatCount()
                    == SimpleTrigger.REPEAT_INDEFINITELY
                    && java.util.Objects.equals(due, job.due() == null ? null : job.due().toString());
        }
        return simple.getRepeatCount() == 0 && simple.getStartTime().toInstant().equals(startOf(job))
                && job.rule().equals(rule);
    }

    /**
     * The trigger's start: Quartz keeps milliseconds, and a hold that ends at 14:20:03.632976 must not fire (and be
     * judged) at 14:20:03.632, before it ended; so the start is rounded up to the next millisecond.
     */
    static Instant startOf(Due job) {
        Instant start = job.start().isBefore(Instant.EPOCH) ? Instant.EPOCH : job.start();
        Instant millis = start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return millis.isBefore(start) ? millis.plusMillis(1) : millis;
    }

    private static JobDetail detail(String migration, Due job, JobKey key) {
        JobBuilder builder = JobBuilder.newJob(DueJob.class).withIdentity(key)
                .withDescription(job.rule().length() > 240 ? job.rule().substring(0, 240) : job.rule())
                // a node that dies while a job runs: another node runs it again (the command is idempotent)
                .requestRecovery(true)
                .usingJobData(MIGRATION, migration)
                .usingJobData(KIND, job.kind().name());
        if (job.wave() != null) {
            builder.usingJobData(WAVE, job.wave());
        }
        if (job.validation() != null) {
            builder.usingJobData(VALIDATION, job.validation());
        }
        if (job.due() != null) {
            // on the job too: a recovery trigger (the job fired again after its node died) carries only the job's
            builder.usingJobData(DUE, job.due().toString());
        }
        return builder.build();
    }

    private static Trigger trigger(String migration, Due job, JobKey key) {
        SimpleScheduleBuilder schedule = job.recurring()
                ? SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(job.every().toMillis())
                        .repeatForever().withMisfireHandlingInstructionNowWithExistingCount()
                : SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow();
        TriggerBuilder<SimpleTrigger> builder = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(job.name(), migration)).forJob(key)
                .startAt(Date.from(startOf(job)))
                .withSchedule(schedule)
                .usingJobData(RULE, job.rule());
        if (job.due() != null) {
            builder.usingJobData(DUE, job.due().toString());
        }
        return builder.build();
    }
}
