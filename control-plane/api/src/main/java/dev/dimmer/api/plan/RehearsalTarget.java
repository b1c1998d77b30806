package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code dimmer rehearse} runs a rollback for real: staging connections that stand in for the plan's
 * connections of the same name, and URL prefixes of webhooks replaced by staging ones. A step whose connection
 * or URL has no stand-in here cannot be rehearsed for real (only with {@code --dry-run}).
 *
 * @param connections staging connections by the name of the connection they replace; passwords only as
 *                    {@code ${env:NAME}}
 * @param endpoints   webhook URL prefix → the staging prefix that replaces it
 */
public record RehearsalTarget(Map<String, Connection> connections, Map<String, String> endpoints) {
    public static final RehearsalTarget NONE = new RehearsalTarget(null, null);

    @JsonCreator
    public RehearsalTarget {
        connections = connections == null ? Map.of() : Map.copyOf(connections);
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    /** The staging URL for a webhook URL: the longest matching prefix replaced; empty when none matches. */
    public Optional<String> endpoint(String url) {
        return endpoints.entrySet().stream().filter(e -> url.startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> e.getValue() + url.substring(e.getKey().length()));
    }
}
