package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.server.EmbeddedDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * The demo's source and target: two databases on the demo's own embedded PostgreSQL holding the worked example's
 * tables (customers, addresses, orders, order lines), the target a copy of the source. A read-only role with a
 * random password reads them; the plan names that password as {@code ${env:DIMMER_DEMO_PASSWORD}}, which only the
 * demo's control plane can resolve. Changes to the target (a planted difference, a repair) are made here, as a
 * replication job or a bad write would.
 */
final class DemoDatabases {
    static final String PASSWORD_VARIABLE = "DIMMER_DEMO_PASSWORD";
    static final String HOOK_SECRET_VARIABLE = "DEPLOY_HOOK_SECRET";
    static final String SOURCE = "demo_source";
    static final String TARGET = "demo_target";
    static final String READER = "demo_validator";
    private static final String[] SCHEMA = {
            "CREATE SCHEMA customers",
            "CREATE SCHEMA orders",
            "CREATE TABLE customers.customer (customer_id INT PRIMARY KEY, name TEXT NOT NULL, email TEXT, "
                    + "updated_at TIMESTAMPTZ NOT NULL)",
            "CREATE TABLE customers.address (address_id INT PRIMARY KEY, customer_id INT NOT NULL, city TEXT NOT "
                    + "NULL, updated_at TIMESTAMPTZ NOT NULL)",
            "CREATE TABLE orders.order_header (order_id INT PRIMARY KEY, customer_id INT NOT NULL, status TEXT NOT "
                    + "NULL, total_amount NUMERIC(12,2) NOT NULL, order_date DATE NOT NULL, updated_at TIMESTAMPTZ "
                    + "NOT NULL)",
            "CREATE TABLE orders.order_line (order_id INT NOT NULL, line_no INT NOT NULL, sku TEXT NOT NULL, "
                    + "qty INT NOT NULL, amount NUMERIC(12,2) NOT NULL, PRIMARY KEY (order_id, line_no))",
            // one clock for both sides, so that the freshness check compares like with like
            "INSERT INTO customers.customer SELECT g, 'Customer ' || g, 'c' || g || '@example.com', "
                    + "TIMESTAMPTZ '2026-12-01 00:00:00+00' + g * INTERVAL '1 minute' FROM generate_series(1, 2000 * %1$d) g",
            "INSERT INTO customers.address SELECT g, 1 + g %% 2000, (ARRAY['Lisbon','Berlin','Austin','Osaka'])"
                    + "[1 + g %% 4], TIMESTAMPTZ '2026-12-01 00:00:00+00' + g * INTERVAL '1 minute' "
                    + "FROM generate_series(1, 2500 * %1$d) g",
            "INSERT INTO orders.order_header SELECT g, 1 + g %% 2000, (ARRAY['open','paid','shipped'])[1 + g %% 3], "
                    + "round((g %% 97) * 3.25 + 10, 2), DATE '2026-11-01' + g %% 30, "
                    + "TIMESTAMPTZ '2026-12-01 00:00:00+00' + g * INTERVAL '10 seconds' "
                    + "FROM generate_series(1, 10000 * %1$d) g",
            "INSERT INTO orders.order_line SELECT o, l, 'SKU-' || (o * 7 + l) %% 500, 1 + (o + l) %% 4, "
                    + "round(((o + l) %% 50) * 1.75 + 2, 2) FROM generate_series(1, 10000 * %1$d) o, "
                    + "generate_series(1, 3) l"};
    private final EmbeddedDatabase database;
    private final String password;

    private DemoDatabases(EmbeddedDatabase database, String password) {
        this.database = database;
        this.password = password;
    }

    /** Makes both databases, fills them alike, and the reading role. */
    static DemoDatabases create(EmbeddedDatabase database) throws SQLException {
        return create(database, 1);
    }

    /** As above, with {@code scale} times the rows (the bench's larger tables). */
    static DemoDatabases create(EmbeddedDatabase database, int scale) throws SQLException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        DemoDatabases demo = new DemoDatabases(database, HexFormat.of().formatHex(random));
        try (Connection admin = database.superuserConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + demo.password + "'");
            s.execute("CREATE DATABASE " + SOURCE);
            s.execute("CREATE DATABASE " + TARGET);
        }
        for (String side : new String[]{SOURCE, TARGET}) {
            try (Connection c = database.superuserConnection(side); Statement s = c.createStatement()) {
                for (String statement : SCHEMA) {
                    s.execute(statement.contains("%1$d") ? String.format(statement, scale) : statement);
                }
                s.execute("GRANT USAGE ON SCHEMA customers, orders TO " + READER);
                s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA customers, orders TO " + READER);
            }
        }
        return demo;
    }

    /** What the demo's control plane resolves {@code ${env:DIMMER_DEMO_PASSWORD}} to. */
    Map<String, String> secrets() {
        return Map.of(PASSWORD_VARIABLE, password, HOOK_SECRET_VARIABLE, "demo-hook-" + password.substring(0, 12));
    }

    String sourceUrl() {
        return database.urlOf(SOURCE);
    }

    String targetUrl() {
        return database.urlOf(TARGET);
    }

    /** Runs statements on the target, as a replication job or a bad write would. */
    void onTarget(String... statements) {
        try (Connection c = database.superuserConnection(TARGET); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the demo could not change its target database: " + e.getMessage(), e);
        }
    }

    /**
     * The example plan with its connections pointed at the demo's databases: the {@code connections:} section is
     * replaced, everything else is as the example says.
     */
    String pointPlanAtDemo(String planText) {
        return pointPlanAtDemo(planText, null);
    }

    /**
     * As above, and the plan's Prometheus and deploy tool replaced by {@code standIn} when given; the rollback step
     * that would make the target read-only (the demo's reader may not) tells the applications over NOTIFY instead.
     */
    String pointPlanAtDemo(String planText, String standIn) {
        String prometheus = standIn;
        if (standIn != null) {
            planText = planText.replace("https://deploy.internal/", standIn + "/")
                    .replace("sql: ALTER DATABASE orders_db SET default_transaction_read_only = on",
                            "sql: \"SELECT pg_notify('orders_routing', 'source')\"");
        }
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : planText.split("\n", -1)) {
            if (line.startsWith("connections:")) {
                skipping = true;
                out.append("connections:\n")
                        .append("  source:\n    jdbc_url: ").append(sourceUrl()).append('\n')
                        .append("    user: ").append(READER).append('\n')
                        .append("    password: ${env:").append(PASSWORD_VARIABLE).append("}\n")
                        .append("  target:\n    jdbc_url: ").append(targetUrl()).append('\n')
                        .append("    user: ").append(READER).append('\n')
                        .append("    password: ${env:").append(PASSWORD_VARIABLE).append("}\n");
                continue;
            }
            if (skipping && !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                skipping = false;
            }
            if (!skipping) {
                out.append(prometheus != null && line.startsWith("  prometheus:") ? "  prometheus: " + prometheus
                        : line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }
}
