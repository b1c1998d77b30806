package dev.dimmer.deploy.evidence;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence loop from PostgreSQL to MariaDB through the control plane, on the MariaDB named by
 * {@code DIMMER_TEST_MARIADB_URL} (skipped, with the reason printed, when it is not set): a changed row on the
 * target fails the checksum and the gate refuses canary naming it; repaired, the gate opens.
 */
class EvidenceCrossEngineTest {
    private static final String VARIABLE = "DIMMER_TEST_MARIADB_URL";
    private static String serverUrl;
    private static String database;
    private static TestDatabase control;
    private static TestDatabase source;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() throws SQLException {
        serverUrl = System.getenv(VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            String reason = "cross-engine evidence test skipped: " + VARIABLE + " is not set (e.g. "
                    + "jdbc:mariadb://127.0.0.1:3306/?user=root&password=)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        database = "dimmer_evidence_" + HexFormat.of().formatHex(bytes);
        onMaria(serverUrl, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        onMaria(targetUrl(), "CREATE TABLE accounts (account_id BIGINT PRIMARY KEY, owner VARCHAR(40) NOT NULL, "
                        + "balance DECIMAL(12,2) NOT NULL)",
                "INSERT INTO accounts SELECT seq, CONCAT('owner ', seq), seq * 2.5 FROM seq_1_to_300",
                "UPDATE accounts SET balance = 0 WHERE account_id = 123");
        source = TestPostgres.newDatabase();
        // one qualified name on both sides: the PostgreSQL schema is named as the MariaDB database
        EvidenceLoopTest.sql(source, "CREATE SCHEMA " + database, "CREATE TABLE " + database + ".accounts ("
                        + "account_id BIGINT PRIMARY KEY, owner TEXT NOT NULL, balance NUMERIC(12,2) NOT NULL)",
                "INSERT INTO " + database + ".accounts SELECT g, 'owner ' || g, g * 2.5 FROM generate_series(1, 300) g");
        control = TestPostgres.newDatabase();
        server = RunningControlPlane.on(control);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (server != null) {
            server.close();
            control.close();
            source.close();
            onMaria(serverUrl, "DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void canRefuseOnAMariaDbTargetThatDiffersAndOpenOnceRepaired() throws SQLException {
        String id = "accounts-to-mariadb";
        String plan = """
                slug: %s
                title: Accounts to MariaDB
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                inventory:
                  datasets:
                    - {name: accounts, table: %s.accounts, key_columns: [account_id], owner: team-accounts}
                connections:
                  source: {jdbc_url: "%s", user: %s}
                  target: {jdbc_url: "%s", user: root}
                waves:
                  - {name: accounts, datasets: [accounts]}
                validations:
                  - {name: accounts-count, kind: row_count, dataset: accounts, tolerance: 0%%}
                  - {name: accounts-checksum, kind: checksum, dataset: accounts, tolerance: 0%%}
                gates:
                  - {name: canary-entry, before: canary, validations: [accounts-count, accounts-checksum]}
                """.formatted(id, database, source.url(), source.user(), "jdbc:mariadb://" + hostPort() + "/" + database);
        Answer registered = server.postYaml("/api/migrations", LEAD, plan);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        for (String reason : List.of("backfill", "shadow")) {
            assertThat(server.post("/api/migrations/" + id + "/waves/accounts/advance", LEAD,
                    Map.of("reason", reason)).status()).isEqualTo(200);
        }

        JsonNode run = validateAsLead(id);
        assertThat(run.path("results")).extracting(r -> r.path("name").asText() + ":" + r.path("status").asText())
                .containsExactly("accounts-count:passed", "accounts-checksum:failed");
        assertThat(run.path("results").get(1).path("differences").toString()).contains("123");
        Answer refused = server.post("/api/migrations/" + id + "/waves/accounts/advance", LEAD,
                Map.of("reason", "canary"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains("accounts-checksum failed");

        onMaria(targetUrl(), "UPDATE accounts SET balance = 307.50 WHERE account_id = 123");
        assertThat(validateAsLead(id).path("passed").asInt()).isEqualTo(2);
        assertThat(server.post("/api/migrations/" + id + "/waves/accounts/advance", LEAD,
                Map.of("reason", "canary")).body().path("phase").asText()).isEqualTo("CANARY");
    }

    private static JsonNode validateAsLead(String id) {
        return EvidenceLoopTest.validate(server, id, "accounts", List.of(), LEAD);
    }

    private static String hostPort() {
        String rest = serverUrl.substring("jdbc:mariadb://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static String targetUrl() {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return base.replaceAll("/$", "") + "/" + database + (query < 0 ? "" : serverUrl.substring(query));
    }

    private static void onMaria(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
