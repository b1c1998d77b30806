package dev.dimmer.deploy.page;

import dev.dimmer.api.audit.GoNoGoAsOfView;
import dev.dimmer.api.audit.MigrationAsOfView;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.core.evidence.MigrationReader;
import dev.dimmer.projections.instant.Cutoff;
import dev.dimmer.projections.instant.PointInTime;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * What the pages need from a migration beyond the status board: its current plan and its open go/no-go votes.
 * Both change only with the migration's events, so they are kept per migration and read again only when the
 * board shows a newer version: the overview of a hundred migrations reads no aggregate once warm.
 */
@Singleton
final class MigrationFacts {
    private final MigrationReader migrations;
    private final PointInTime pointInTime;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    MigrationFacts(MigrationReader migrations, PointInTime pointInTime) {
        this.migrations = migrations;
        this.pointInTime = pointInTime;
    }

    /** The facts as of {@code version} of the migration (or later); empty for a migration the log does not hold. */
    Optional<Known> of(String migrationId, long version) {
        Known cached = known.get(migrationId);
        if (cached != null && cached.version() >= version) {
            return Optional.of(cached);
        }
        try {
            MigrationPlan plan = migrations.read(migrationId, m -> m.plan());
            List<GoNoGoAsOfView> votes = pointInTime.asOf(migrationId, new Cutoff.AtPosition(Long.MAX_VALUE))
                    .map(MigrationAsOfView::goNoGo).orElse(List.of());
            Known fresh = new Known(version, plan, votes);
            known.merge(migrationId, fresh, (a, b) -> a.version() >= b.version() ? a : b);
            return Optional.of(fresh);
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    record Known(long version, MigrationPlan plan, List<GoNoGoAsOfView> votes) {
    }
}
