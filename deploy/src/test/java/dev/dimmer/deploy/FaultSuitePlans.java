package dev.dimmer.deploy;

import dev.dimmer.testing.TestDatabase;

/**
 * The fault suite's three kinds of migration, all with a wave {@code customers} that the clients move: a plain one,
 * one whose rollback plan calls a webhook, and one whose wave {@code orders} sits in SHADOW with a row-count
 * validation every 10 s that the scheduler fires.
 */
final class FaultSuitePlans {
    static final String HOOK_SECRET_VARIABLE = "FAULT_HOOK_SECRET";
    static final String DATA_PASSWORD_VARIABLE = "FAULT_DATA_PASSWORD";
    static final String VALIDATION = "orders-count";

    private FaultSuitePlans() {
    }

    static String hooked(String slug, String hookUrl) {
        return """
                slug: %s
                title: Customers with a deploy hook on rollback
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                waves:
                  - {name: customers, canary_steps: [10, 50]}
                rollback:
                  max_duration: 5m
                  actions:
                    - kind: http
                      description: tell the deploy service
                      url: %s
                      body: {wave: customers, to: source}
                      secret: ${env:%s}
                      retries: 2
                      timeout: 10s
                      estimate: 1s
                """.formatted(slug, hookUrl, HOOK_SECRET_VARIABLE);
    }

    static String scheduled(String slug, TestDatabase data) {
        return """
                slug: %s
                title: Orders validated every 10 s
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                inventory:
                  datasets:
                    - {name: orders, table: public.orders, key_columns: [order_id], owner: team-shop}
                connections:
                  source: {jdbc_url: "%s", user: %s, password: "${env:%s}"}
                  target: {jdbc_url: "%s", user: %s, password: "${env:%s}"}
                waves:
                  - {name: customers, canary_steps: [10, 50]}
                  - {name: orders, datasets: [orders], depends_on: [customers], canary_steps: [25]}
                validations:
                  - {name: %s, kind: row_count, dataset: orders, tolerance: 0%%, every: 10s}
                """.formatted(slug, data.url(), data.user(), DATA_PASSWORD_VARIABLE, data.url(), data.user(),
                DATA_PASSWORD_VARIABLE, VALIDATION);
    }
}
