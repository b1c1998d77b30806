package dev.dimmer.api.status;

import java.util.Map;

/** The status view's version of each migration asked about that it holds (absent: not in the view yet). */
public record StatusVersions(Map<String, Long> versions) {
    public StatusVersions {
        versions = Map.copyOf(versions);
    }
}
