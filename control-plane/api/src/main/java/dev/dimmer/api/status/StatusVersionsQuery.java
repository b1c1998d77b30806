package dev.dimmer.api.status;

import java.util.List;

/**
 * Asks how far the status view has taken in each of some migrations (the version of the latest event it applied);
 * answered with {@link StatusVersions}. One light look for many answers waiting on the view at once.
 */
public record StatusVersionsQuery(List<String> migrationIds) {
    public StatusVersionsQuery {
        migrationIds = List.copyOf(migrationIds);
    }
}
