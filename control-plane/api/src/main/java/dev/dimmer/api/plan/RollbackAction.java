package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One rollback step.
 *
 * @param kind          switch (flip a routing switch), sql (run SQL on a named connection) or http (call a webhook)
 * @param routingSwitch for switch: the switch to flip
 * @param to            for switch: source or target
 * @param estimate      how long the step takes, e.g. {@code 30s}
 */
public record RollbackAction(String kind, String description, @JsonProperty("switch") String routingSwitch, String to,
                             String connection, String sql, String method, String url, String estimate) {
}
