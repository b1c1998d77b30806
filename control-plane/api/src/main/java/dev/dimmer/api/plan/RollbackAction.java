package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rollback (or cutover) step, one record per kind: {@code switch} (flip a routing switch), {@code sql} (run SQL
 * on a named connection), {@code http} (call a webhook) or {@code notify} (a message in the migration's channel). Stored as the plan writes it, the {@code kind} property naming the
 * record. Every kind has a description, an estimate of how long it takes (e.g. {@code 30s}) and the waves whose
 * rollback runs it (every wave's when empty).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RollbackAction.Switch.class, name = "switch"),
        @JsonSubTypes.Type(value = RollbackAction.Sql.class, name = "sql"),
        @JsonSubTypes.Type(value = RollbackAction.Webhook.class, name = "http"),
        @JsonSubTypes.Type(value = RollbackAction.Notify.class, name = "notify")})
public sealed interface RollbackAction {
    String description();

    PlanDuration estimate();

    List<String> waves();

    /** Whether rolling back {@code wave} runs this step. */
    default boolean appliesTo(String wave) {
        return waves().isEmpty() || waves().contains(wave);
    }

    /** The plan format's word for the kind: switch, sql, http or notify. */
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

    /**
     * Run {@code sql} on the named {@code connection}, in one transaction.
     *
     * @param timeout the statement timeout (30s when absent)
     */
    record Sql(String description, String connection, String sql, PlanDuration estimate, List<String> waves,
               PlanDuration timeout) implements RollbackAction {
        @JsonCreator
        public Sql {
            waves = Lists.of(waves);
        }

        public Sql(String description, String connection, String sql, PlanDuration estimate, List<String> waves) {
            this(description, connection, sql, estimate, waves, null);
        }
    }

    /**
     * Call {@code url} with {@code method} (POST when null) and a JSON {@code body}.
     *
     * @param secret         a {@code ${env:NAME}} reference to the key of the {@code X-Dimmer-Signature} header
     *                       (HMAC-SHA256 over the body); no signature when absent
     * @param expectedStatus the status that counts as done; any 2xx when absent
     * @param timeout        how long one attempt may take (10s when absent)
     * @param retries        attempts after the first (2 when absent), each with the same {@code Idempotency-Key}
     */
    record Webhook(String description, String method, String url, PlanDuration estimate, List<String> waves,
                   Map<String, Object> body, String secret, Integer expectedStatus, PlanDuration timeout,
                   Integer retries) implements RollbackAction {
        @JsonCreator
        public Webhook {
            waves = Lists.of(waves);
            body = body == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(body));
        }

        public Webhook(String description, String method, String url, PlanDuration estimate, List<String> waves) {
            this(description, method, url, estimate, waves, null, null, null, null, null);
        }
    }

    /** Post {@code message} in the migration's Slack thread (or its log when Slack is not configured). */
    record Notify(String description, String message, PlanDuration estimate, List<String> waves)
            implements RollbackAction {
        @JsonCreator
        public Notify {
            waves = Lists.of(waves);
        }
    }
}
