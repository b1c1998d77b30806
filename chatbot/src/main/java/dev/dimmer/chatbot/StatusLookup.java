package dev.dimmer.chatbot;

import dev.dimmer.api.status.FindMigrationQuery;
import dev.dimmer.api.status.FindMigrationsQuery;
import dev.dimmer.api.status.MigrationListView;
import dev.dimmer.api.status.MigrationStatusView;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Reads the status board through the query bus, as any other client of the published language would. */
@Singleton
public class StatusLookup {
    private final QueryGateway queries;

    public StatusLookup(QueryGateway queries) {
        this.queries = queries;
    }

    Optional<MigrationStatusView> migration(String id) {
        try {
            return queries.query(new FindMigrationQuery(id), ResponseTypes.optionalInstanceOf(MigrationStatusView.class))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The validation report, when it answers; empty otherwise (the card then shows the board alone). */
    Optional<dev.dimmer.api.evidence.ValidationReportView> report(String id) {
        try {
            return Optional.of(queries.query(new dev.dimmer.api.evidence.FindValidationReportQuery(id, null),
                    ResponseTypes.instanceOf(dev.dimmer.api.evidence.ValidationReportView.class))
                    .get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The switch the wave routes with, if the plan names one; empty too when the view does not answer. */
    Optional<String> switchOf(String migration, String wave) {
        try {
            return queries.query(new dev.dimmer.api.status.FindWaveSwitchQuery(migration, wave),
                    ResponseTypes.optionalInstanceOf(String.class)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    MigrationListView all() {
        try {
            return queries.query(new FindMigrationsQuery(), ResponseTypes.instanceOf(MigrationListView.class))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackRefusal("interrupted while reading the status board; try again");
        } catch (Exception e) {
            throw new SlackRefusal("the status board did not answer; try again in a moment");
        }
    }
}
