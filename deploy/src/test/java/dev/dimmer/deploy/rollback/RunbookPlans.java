package dev.dimmer.deploy.rollback;

import dev.dimmer.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A target database with a compatibility view over the new table, and plans whose rollback swaps it back to the
 * legacy table (writing one row per swap, so a repeated step shows), flips the switch and calls a webhook.
 */
public final class RunbookPlans {
    static final String SWAP_BACK = "CREATE OR REPLACE VIEW customers_read AS SELECT * FROM legacy_customers; "
            + "INSERT INTO swaps (direction) VALUES ('back')";
    static final String SWAP_FORWARD = "CREATE OR REPLACE VIEW customers_read AS SELECT * FROM new_customers; "
            + "INSERT INTO swaps (direction) VALUES ('forward')";

    private RunbookPlans() {
    }

    public static void prepare(TestDatabase target) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE legacy_customers (id int)");
            s.execute("INSERT INTO legacy_customers VALUES (1)");
            s.execute("CREATE TABLE new_customers (id int)");
            s.execute("INSERT INTO new_customers VALUES (1), (2)");
            s.execute("CREATE TABLE swaps (direction text)");
            s.execute("CREATE VIEW customers_read AS SELECT * FROM new_customers");
        }
    }

    /** 1 when the view reads the legacy table, 2 when it reads the new one. */
    public static long viewRows(TestDatabase target) throws SQLException {
        return count(target, "SELECT count(*) FROM customers_read");
    }

    public static long count(TestDatabase target, String sql) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * @param secretVariable the environment variable holding the webhook's secret, as the server sees it
     * @param gate           whether the cutover gate asks for a measured rehearsal
     */
    public static String plan(String slug, TestDatabase target, String hookUrl, String secretVariable,
                              boolean gate) {
        return basePlan(slug, target, hookUrl, secretVariable, gate);
    }

    /** The plan with a rehearsal section: a staging database for target, and staging URLs for the hooks. */
    public static String planWithStaging(String slug, TestDatabase target, String hookUrl, String secretVariable,
                                         TestDatabase staging, String hooksPrefix, String stagingPrefix) {
        return basePlan(slug, target, hookUrl, secretVariable, false) + """
                rehearsal:
                  connections:
                    target: {jdbc_url: "%s", user: %s}
                  endpoints:
                    "%s": "%s"
                """.formatted(staging.url(), staging.user(), hooksPrefix, stagingPrefix);
    }

    private static String basePlan(String slug, TestDatabase target, String hookUrl, String secretVariable,
                                   boolean gate) {
        return """
                slug: %s
                title: Customers view swap
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                connections:
                  target: {jdbc_url: "%s", user: %s}
                waves:
                  - {name: customers, switch: customers-read-path, canary_steps: [10, 50]}
                gates:
                  - {name: go-no-go, before: cutover, rehearsed_rollback: %s}
                rollback:
                  max_duration: 1m
                  actions:
                    - {kind: switch, description: send reads back, switch: customers-read-path, to: source, estimate: 1s}
                    - {kind: sql, description: swap the view back, connection: target, sql: "%s", timeout: 10s, estimate: 1s}
                    - kind: http
                      description: tell the deploy service
                      url: %s
                      body: {wave: customers, to: source}
                      secret: ${env:%s}
                      retries: 1
                      timeout: 20s
                      estimate: 1s
                cutover:
                  actions:
                    - {kind: sql, description: swap the view forward, connection: target, sql: "%s", estimate: 1s}
                    - {kind: notify, message: customers now read the new table, estimate: 1s}
                """.formatted(slug, target.url(), target.user(), gate, SWAP_BACK, hookUrl, secretVariable,
                SWAP_FORWARD);
    }
}
