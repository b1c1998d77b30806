package dev.dimmer.core.schedule;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.schedule.DueKind;
import dev.dimmer.core.evidence.MigrationReader;
import dev.dimmer.core.migration.Moments;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;

/** {@code GET /api/migrations/{migration}/schedule}: the migration's jobs as Quartz holds them, soonest first. */
@Controller("/api/migrations/{migration}/schedule")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
final class ScheduleController {
    private final Scheduler scheduler;
    private final MigrationReader migrations;

    ScheduleController(Scheduler scheduler, MigrationReader migrations) {
        this.scheduler = scheduler;
        this.migrations = migrations;
    }

    @Get
    ScheduleView schedule(HttpRequest<?> request, @PathVariable String migration) throws SchedulerException {
        request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class).orElseThrow(() ->
                new HttpStatusException(HttpStatus.UNAUTHORIZED, "no authenticated actor on this request"));
        Ids.requireMigrationId(migration);
        ZoneId zone;
        try {
            zone = migrations.read(migration, m -> Moments.zone(m.plan()));
        } catch (AggregateNotFoundException e) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_MIGRATION, "no migration '" + migration
                    + "'; list migrations with dimmer status");
        }
        List<Listed> listed = new ArrayList<>();
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(migration))) {
            JobDetail detail = scheduler.getJobDetail(key);
            if (detail == null) {
                continue;
            }
            JobDataMap data = detail.getJobDataMap();
            for (Trigger trigger : scheduler.getTriggersOfJob(key)) {
                Date next = trigger.getNextFireTime();
                listed.add(new Listed(next, new ScheduleView.Job(
                        DueKind.valueOf(data.getString(ScheduleWriter.KIND)).label(),
                        data.getString(ScheduleWriter.WAVE), data.getString(ScheduleWriter.VALIDATION),
                        next == null ? null : next.toInstant().atZone(zone).toOffsetDateTime().toString(),
                        trigger.getJobDataMap().getString(ScheduleWriter.RULE))));
            }
        }
        listed.sort(Comparator.comparing((Listed l) -> l.next() == null ? new Date(Long.MAX_VALUE) : l.next())
                .thenComparing(l -> l.job().kind()).thenComparing(l -> String.valueOf(l.job().wave()))
                .thenComparing(l -> String.valueOf(l.job().validation())));
        return new ScheduleView(migration, zone.getId(), listed.stream().map(Listed::job).toList());
    }

    private record Listed(Date next, ScheduleView.Job job) {
    }
}
