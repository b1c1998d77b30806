package dev.dimmer.api.status;

import java.util.List;

/** Every migration on the status board, ordered by id. */
public record MigrationListView(List<MigrationStatusView> migrations) {
    public MigrationListView {
        migrations = List.copyOf(migrations);
    }
}
