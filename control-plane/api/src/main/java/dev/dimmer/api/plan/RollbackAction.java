package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One rollback step.
 *
 * @param kind          switch (flip a routing switch), sql (run SQL on a named connection) or http (call a webhook)
 * @param routingSwitch for switch: the switch to flip
 * @param to            for switch: source or target
 * @param estimate      how long the step takes, e.g. {@code 30s}
 * @param waves         the waves whose rollback runs this step; every wave's when empty
 */
public record RollbackAction(String kind, String description, @JsonProperty("switch") String routingSwitch, String to,
                             String connection, String sql, String method, String url, String estimate,
                             List<String> waves) {
    public RollbackAction {
        waves = Lists.of(waves);
    }

    /** Whether rolling back {@code wave} runs this step. */
    public boolean appliesTo(String wave) {
        return waves.isEmpty() || waves.contains(wave);
    }
}
