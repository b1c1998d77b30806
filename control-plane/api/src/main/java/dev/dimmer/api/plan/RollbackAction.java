package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One rollback step, one record per kind: {@code switch} (flip a routing switch), {@code sql} (run SQL on a named
 * connection) or {@code http} (call a webhook). Stored as the plan writes it, the {@code kind} property naming the
 * record. Every kind has a description, an estimate of how long it takes (e.g. {@code 30s}) and the waves whose
 * rollback runs it (every wave's when empty).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RollbackAction.Switch.class, name = "switch"),
        @JsonSubTypes.Type(value = RollbackAction.Sql.class, name = "sql"),
        @JsonSubTypes.Type(value = RollbackAction.Webhook.class, name = "http")})
public sealed interface RollbackAction {
    String description();

    PlanDuration estimate();

    List<String> waves();

    /** Whether rolling back {@code wave} runs this step. */
    default boolean appliesTo(String wave) {
        return waves().isEmpty() || waves().contains(wave);
    }

    /** The plan format's word for the kind: switch, sql or http. */
    default String kind() {
        return Kinds.of(RollbackAction.class, this);
    }

    /** Send reads of {@code routingSwitch} {@code to} source or target. */
    record Switch(String description, @JsonProperty("switch") String routingSwitch, String to, PlanDuration estimate,
                  List<String> waves) implements RollbackAction {
        public Switch {
            waves = Lists.of(waves);
        }
    }

    /** Run {@code sql} on the named {@code connection}. */
    record Sql(String description, String connection, String sql, PlanDuration estimate, List<String> waves)
            implements RollbackAction {
        public Sql {
            waves = Lists.of(waves);
        }
    }

    /** Call {@code url} with {@code method} (POST when null). */
    record Webhook(String description, String method, String url, PlanDuration estimate, List<String> waves)
            implements RollbackAction {
        public Webhook {
            waves = Lists.of(waves);
        }
    }
}
