package dev.dimmer.deploy.slack;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import java.util.List;
import java.util.Set;

/** Plans and people for the Slack tests: approvers known only from the plan's owners, leads from configuration. */
final class SlackPlans {
    static final String LEAD = "U0LEAD";
    static final String BEA = "U0BEA";
    static final String CAI = "U0CAI";
    static final String VIEWER = "U0VIEW";
    static final String STRANGER = "U0EVE";
    static final String FLOODER = "U0MAL";
    static final String SECRET = "test-signing-secret-8f2d";
    static final List<Actor> CONFIGURED = List.of(
            new Actor(LEAD, "Ada Lead", Set.of(Role.LEAD, Role.VIEWER)),
            new Actor(VIEWER, "Vic Viewer", Set.of(Role.VIEWER)));

    private SlackPlans() {
    }

    static String plan(String slug) {
        return """
                slug: %s
                title: CRM to managed PostgreSQL
                owners:
                  - {id: U0LEAD, name: Ada Lead, role: lead}
                  - {id: U0BEA, name: Bea Approver, role: approver}
                  - {id: U0CAI, name: Cai Approver, role: approver}
                waves:
                  - name: customers
                    canary_steps: [10, 50]
                communication:
                  channel: "#crm-migration"
                """.formatted(slug);
    }
}
