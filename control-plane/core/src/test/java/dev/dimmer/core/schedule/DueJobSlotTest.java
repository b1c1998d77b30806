package dev.dimmer.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

class DueJobSlotTest {
    private static final Instant SLOT = Instant.parse("2026-12-08T02:00:10Z");
    private static final Instant NOTICED = Instant.parse("2026-12-08T02:00:19.412Z");
    private final JobDetail job = JobBuilder.newJob(DueJob.class).withIdentity("validation:orders", "orders").build();

    @Test
    void shouldTakeTheSlotOfTheTriggerItFires() {
        // given a trigger due at its slot, fired 40 ms late
        OperableTrigger trigger = trigger(SLOT, false);
        // when the job runs
        Instant slot = DueJob.scheduledTime(context(trigger, false, SLOT, SLOT.plusMillis(40)));
        // then its firing is for that slot
        assertThat(slot).isEqualTo(SLOT);
    }

    @Test
    void shouldTakeTheOriginalSlotWhenQuartzRecoversTheJobOfANodeThatDied() {
        // given the job ran on a node that died; Quartz noticed 9.4 s later and made a recovery trigger of its own,
        // scheduled at that moment, carrying the original trigger's scheduled time
        OperableTrigger recovery = trigger(NOTICED, true);
        // when the recovery trigger fires the job on another node
        Instant slot = DueJob.scheduledTime(context(recovery, true, NOTICED, NOTICED.plusMillis(3)));
        // then the firing is for the original slot, so the queue takes it as the firing the dead node may have queued
        assertThat(slot).isEqualTo(SLOT);
    }

    private static OperableTrigger trigger(Instant at, boolean recovery) {
        TriggerBuilder<?> builder = TriggerBuilder.newTrigger().withIdentity(recovery ? "recover_node-a_1" : "t")
                .startAt(Date.from(at)).withSchedule(SimpleScheduleBuilder.simpleSchedule());
        if (recovery) {
            builder.usingJobData(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS,
                    String.valueOf(SLOT.toEpochMilli()));
            builder.usingJobData(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS,
                    String.valueOf(SLOT.plusMillis(12).toEpochMilli()));
        }
        return (OperableTrigger) builder.build();
    }

    private JobExecutionContextImpl context(OperableTrigger trigger, boolean recovering, Instant scheduled,
                                            Instant fired) {
        return new JobExecutionContextImpl(null, new TriggerFiredBundle(job, trigger, null, recovering,
                Date.from(fired), Date.from(scheduled), null, null), null);
    }
}
