package dev.dimmer.api.actor;

/** What a person or system may do in Dimmer; a token or Slack user maps to one or more roles. */
public enum Role {
    /** Registers plans, advances waves, cuts over, rolls back, aborts. */
    LEAD,
    /** Votes go/no-go. */
    APPROVER,
    /** Records validations, runs jobs, rebuilds projections. */
    OPERATOR,
    /** Reads status. */
    VIEWER,
    /** Reads, exports and verifies the audit trail. */
    AUDITOR,
    /** Evaluates routing switches (OFREP) and nothing else: the token an application or pipeline holds. */
    CONSUMER,
    /** Reads the Prometheus metrics at {@code /metrics} and nothing else: the token a scraper holds. */
    METRICS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; expected one of lead, approver, operator, viewer, auditor, consumer, metrics");
    }
}
