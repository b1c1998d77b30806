package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.LedgerKeys;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit ledger on a real database: an intact log verifies, and every edit someone with the database but not
 * the key can make is found and named.
 */
class AuditLedgerTest {
    private static final String ID = "crm-to-managed-postgres";
    private static final String WAVES_PATH = "/api/migrations/" + ID + "/waves/";
    private static final Map<String, Object> KEY = Map.of("dimmer.audit.signing-key",
            LedgerKeys.pem(LedgerKeys.generate().getPrivate()));
    private TestDatabase database;
    private final List<RunningControlPlane> nodes = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        database = TestPostgres.newDatabase();
    }

    @AfterEach
    void stop() {
        nodes.forEach(RunningControlPlane::close);
        database.close();
    }

    @Test
    void shouldVerifyAnIntactLog() {
        RunningControlPlane server = walked();
        JsonNode report = verify(server);
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("events").asLong()).isEqualTo(count("SELECT count(*) FROM domain_event_entry"));
        assertThat(report.path("checkpoints").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("problems")).isEmpty();
        assertThat(server.get("/api/audit/verify?migration=" + ID, LEAD).body().path("intact").asBoolean()).isTrue();
        assertThat(server.get("/api/audit/verify", VIEWER).status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM audit_leaf")).isEqualTo(count("SELECT max(leaf_index) + 1 FROM audit_leaf"));
    }

    @Test
    void cannotUpdateOrDeleteLedgerRowsWithTheTriggersInPlace() {
        walked();
        for (String sql : List.of("UPDATE audit_leaf SET leaf_hash = leaf_hash", "DELETE FROM audit_checkpoint",
                "TRUNCATE audit_leaf")) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute(sql);
                throw new AssertionError(sql + " was allowed");
            } catch (SQLException e) {
                assertThat(e.getMessage()).contains("append-only");
            }
        }
    }

    @Test
    void shouldNameAnEditedPayload() {
        RunningControlPlane server = walked();
        long position = globalIndex(3);
        sql("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'customers', "
                + "'customerz'), 'UTF8') WHERE global_index = " + position);
        assertFirst(verify(server), position, "edited");
    }

    @Test
    void shouldNameEditedMetadata() {
        RunningControlPlane server = walked();
        long position = globalIndex(4);
        sql("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), 'U01LEAD', "
                + "'U99EVIL'), 'UTF8') WHERE global_index = " + position);
        assertFirst(verify(server), position, "edited");
    }

    @Test
    void shouldNameADeletedEvent() {
        RunningControlPlane server = walked();
        long position = globalIndex(2);
        sql("DELETE FROM domain_event_entry WHERE global_index = " + position);
        assertFirst(verify(server), position, "deleted");
    }

    @Test
    void shouldNameAForgedEvent() {
        RunningControlPlane server = walked();
        sql("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type, "
                + "time_stamp, aggregate_identifier, sequence_number, type) SELECT 'forged-1', meta_data, payload, "
                + "payload_revision, payload_type, time_stamp, aggregate_identifier, 999, type FROM domain_event_entry "
                + "WHERE global_index = " + globalIndex(1));
        JsonNode report = verify(server);
        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("problems").get(0).path("kind").asText()).isEqualTo("inserted");
        assertThat(report.path("problems").get(0).path("detail").asText()).contains("forged-1");
    }

    @Test
    void shouldNameSwappedPayloadsAsReordered() {
        RunningControlPlane server = walked();
        long a = globalIndex(2);
        long b = globalIndex(3);
        sql("UPDATE domain_event_entry SET payload = CASE global_index WHEN " + a + " THEN (SELECT payload FROM "
                + "domain_event_entry WHERE global_index = " + b + ") ELSE (SELECT payload FROM domain_event_entry "
                + "WHERE global_index = " + a + ") END, payload_type = CASE global_index WHEN " + a + " THEN (SELECT "
                + "payload_type FROM domain_event_entry WHERE global_index = " + b + ") ELSE (SELECT payload_type FROM "
                + "domain_event_entry WHERE global_index = " + a + ") END WHERE global_index IN (" + a + ", " + b + ")");
        JsonNode report = verify(server);
        assertFirst(report, a, "reordered");
        assertThat(report.path("problems").get(1).path("kind").asText()).isEqualTo("reordered");
    }

    @Test
    void shouldNameATruncatedTail() {
        RunningControlPlane server = walked();
        long events = count("SELECT count(*) FROM domain_event_entry");
        long from = globalIndex(events - 2);
        asSuperuserWithoutTriggers("DELETE FROM audit_leaf WHERE global_index >= " + from,
                "DELETE FROM domain_event_entry WHERE global_index >= " + from);
        JsonNode report = verify(server);
        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(kinds(report)).containsOnly("truncated");
    }

    @Test
    void shouldNoticeALedgerRewrittenConsistentlyWithoutTheKey() throws SQLException {
        RunningControlPlane server = walked();
        long position = globalIndex(3);
        sql("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'customers', "
                + "'customerz'), 'UTF8') WHERE global_index = " + position);
        byte[] forged = leafOf(position).hash();
        try (Connection c = database.connect()) {
            c.createStatement().execute("SET session_replication_role = replica");
            try (PreparedStatement s = c.prepareStatement("UPDATE audit_leaf SET leaf_hash = ? WHERE global_index = ?")) {
                s.setBytes(1, forged);
                s.setLong(2, position);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }
        JsonNode report = verify(server);
        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(kinds(report)).doesNotContain("edited").contains("root");
    }

    @Test
    void shouldStayValidAcrossARebuildAndARestart() {
        RunningControlPlane server = walked();
        assertThat(server.post("/api/projections/rebuild", RunningControlPlane.OPERATOR, Map.of()).status()).isLessThan(300);
        assertThat(verify(server).path("intact").asBoolean()).isTrue();
        server.stop();
        server.start();
        server.post(WAVES_PATH + "orders/advance", LEAD, Map.of("reason", "after restart"));
        JsonNode report = verify(server);
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("checkpoints").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldKeepOneValidTreeWithTwoNodesAppendingConcurrently() {
        RunningControlPlane first = node();
        RunningControlPlane second = node();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            RunningControlPlane server = m % 2 == 0 ? first : second;
            String id = "mig-" + m;
            writers.add(CompletableFuture.runAsync(() -> {
                assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(id)).status()).isEqualTo(201);
                for (int i = 0; i < 3; i++) {
                    server.post("/api/migrations/" + id + "/waves/customers/advance", LEAD, Map.of("reason", "go " + i));
                    server.post("/api/migrations/" + id + "/waves/customers/rollback", LEAD, Map.of("reason", "back " + i));
                }
            }));
        }
        writers.forEach(CompletableFuture::join);
        JsonNode report = verify(second);
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        long leaves = count("SELECT count(*) FROM audit_leaf");
        assertThat(leaves).isEqualTo(count("SELECT count(*) FROM domain_event_entry"));
        assertThat(count("SELECT max(leaf_index) + 1 FROM audit_leaf")).isEqualTo(leaves);
    }

    private RunningControlPlane node() {
        RunningControlPlane node = RunningControlPlane.on(database, KEY, List.of());
        nodes.add(node);
        return node;
    }

    private RunningControlPlane walked() {
        RunningControlPlane server = node();
        assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID)).status()).isEqualTo(201);
        for (String step : List.of("advance", "advance", "advance", "rollback", "advance")) {
            assertThat(server.post(WAVES_PATH + "customers/" + step, LEAD, Map.of("reason", step)).status())
                    .isEqualTo(200);
        }
        // every event covered by a signed checkpoint before anyone touches the tables
        assertThat(verify(server).path("intact").asBoolean()).isTrue();
        return server;
    }

    private JsonNode verify(RunningControlPlane server) {
        RunningControlPlane.Answer answer = server.get("/api/audit/verify", LEAD);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return answer.body();
    }

    private static void assertFirst(JsonNode report, long position, String kind) {
        assertThat(report.path("intact").asBoolean()).isFalse();
        JsonNode first = report.path("problems").get(0);
        assertThat(first.path("kind").asText()).as(report.toString()).isEqualTo(kind);
        assertThat(first.path("position").asLong()).isEqualTo(position);
    }

    private static List<String> kinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.path("problems").forEach(p -> kinds.add(p.path("kind").asText()));
        return kinds;
    }

    private long globalIndex(long ordinal) {
        return count("SELECT global_index FROM domain_event_entry ORDER BY global_index OFFSET " + ordinal + " LIMIT 1");
    }

    private Leaf leafOf(long position) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event_identifier, aggregate_identifier, sequence_number, type, "
                     + "payload_type, payload_revision, time_stamp, payload, meta_data FROM domain_event_entry "
                     + "WHERE global_index = " + position)) {
            r.next();
            return new Leaf(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                    r.getString(6), r.getString(7), r.getBytes(8), r.getBytes(9));
        }
    }

    private long count(String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isPositive();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void asSuperuserWithoutTriggers(String... statements) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
