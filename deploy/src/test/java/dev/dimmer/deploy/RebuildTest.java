package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
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
 * Rebuilding the views from the log: in one transaction, through the live handlers, in small batches here so
 * writes coalesced within a batch meet their successors in the next one; readers keep the old views until the
 * commit, a failure leaves views and tokens as they were, and events appended meanwhile reach the views once.
 */
class RebuildTest {
    private static final String ID = "crm-to-managed-postgres";
    private static final String WAVES_PATH = "/api/migrations/" + ID + "/waves/";
    private static final String VIEWS = "SELECT * FROM status_migration ORDER BY id";
    private static final String WAVES = "SELECT * FROM status_wave ORDER BY migration_id, name";
    private static final String AUDIT = "SELECT * FROM audit_entry ORDER BY position";
    private static final String TOKENS = "SELECT processor_name, segment, token FROM token_entry "
            + "ORDER BY processor_name, segment";
    private static final String EVENTS = "SELECT count(*) FROM domain_event_entry";
    private static final Map<String, Object> SMALL_BATCHES = Map.of("dimmer.rebuild.batch-size", 2,
            "dimmer.node-id", "node-a");
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
    void shouldRebuildIdenticalViewsAcrossBatchBoundaries() {
        // given a migration whose waves moved back and forth, and its views as the live processor built them
        RunningControlPlane server = node(SMALL_BATCHES);
        walk(server);
        List<List<Object>> views = Tables.rows(database, VIEWS);
        List<List<Object>> waves = Tables.rows(database, WAVES);
        List<List<Object>> audit = Tables.rows(database, AUDIT);

        // when an operator rebuilds them, two events per batch
        Answer rebuilt = server.post("/api/projections/rebuild", OPERATOR, Map.of());

        // then every event was replayed once and every row is the same again
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().path("events").asLong()).isEqualTo(Tables.count(database, EVENTS));
        assertThat(Tables.rows(database, VIEWS)).isEqualTo(views);
        assertThat(Tables.rows(database, WAVES)).isEqualTo(waves);
        assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
    }

    @Test
    void shouldLetReadersSeeTheOldViewsUntilTheRebuildCommits() throws Exception {
        // given complete views of a long log (a rebuild one event per batch takes long enough to read during it)
        RunningControlPlane server = node(Map.of("dimmer.rebuild.batch-size", 1));
        walk(server);
        flap(server, 40);
        List<Long> before = counts();
        List<List<Object>> audit = Tables.rows(database, AUDIT);
        List<List<Object>> waves = Tables.rows(database, WAVES);

        // when readers keep counting the rows while the views are rebuilt
        CompletableFuture<Answer> rebuilt = CompletableFuture.supplyAsync(() ->
                server.post("/api/projections/rebuild", OPERATOR, Map.of()));
        List<List<Long>> seen = new ArrayList<>();
        while (!rebuilt.isDone()) {
            seen.add(counts());
        }

        // then no read waited for the rebuild or found a view emptied or half refilled
        assertThat(rebuilt.get().status()).isEqualTo(200);
        assertThat(seen).isNotEmpty().allSatisfy(counts -> assertThat(counts).isEqualTo(before));
        assertThat(rebuilt.get().body().path("events").asLong()).isEqualTo(Tables.count(database, EVENTS));
        assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
        assertThat(Tables.rows(database, WAVES)).isEqualTo(waves);
    }

    @Test
    void shouldLeaveViewsAndTokensAsTheyWereWhenTheRebuildFails() throws Exception {
        // given views, tokens, and an audit table that will refuse one of the rows the replay writes
        RunningControlPlane server = node(SMALL_BATCHES);
        walk(server);
        List<List<Object>> views = Tables.rows(database, VIEWS);
        List<List<Object>> waves = Tables.rows(database, WAVES);
        List<List<Object>> audit = Tables.rows(database, AUDIT);
        List<List<Object>> tokens = Tables.rows(database, TOKENS);
        execute("ALTER TABLE audit_entry ADD CONSTRAINT no_rollbacks CHECK (type <> 'WaveRolledBackEvent') NOT VALID");

        // when an operator rebuilds the views
        Answer failed = server.post("/api/projections/rebuild", OPERATOR, Map.of());

        // then the answer says what failed and that nothing changed
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body().path("detail").asText())
                .contains("no_rollbacks")
                .contains("rolled back and the views are as they were");
        assertThat(Tables.rows(database, VIEWS)).isEqualTo(views);
        assertThat(Tables.rows(database, WAVES)).isEqualTo(waves);
        assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
        assertThat(Tables.rows(database, TOKENS)).isEqualTo(tokens);

        // and the views go on following the log
        execute("ALTER TABLE audit_entry DROP CONSTRAINT no_rollbacks");
        assertThat(server.post(WAVES_PATH + "orders/advance", LEAD, Map.of("reason", "shadow")).status())
                .isEqualTo(200);
        server.await("/api/migrations/" + ID + "/audit", LEAD,
                t -> t.path("entries").size() == audit.size() + 1);
    }

    @Test
    void shouldRefuseWhileAnotherNodeHoldsTheViews() throws Exception {
        // given node B processing the views, and node A beside it on the same database
        RunningControlPlane nodeB = node(Map.of("dimmer.node-id", "node-b"));
        awaitOwner("node-b");
        RunningControlPlane nodeA = node(SMALL_BATCHES);
        walk(nodeA);
        List<List<Object>> audit = Tables.rows(database, AUDIT);

        // when an operator asks node A to rebuild them
        Answer refused = nodeA.post("/api/projections/rebuild", OPERATOR, Map.of());

        // then A refuses with what to do instead, and nothing changed
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText())
                .contains("another node is processing the views")
                .contains("node-b")
                .contains("nothing was changed");
        assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
        assertThat(nodeB.post("/api/projections/rebuild", OPERATOR, Map.of()).status()).isIn(200, 409);
    }

    @Test
    void shouldTakeEveryEventAppendedDuringARebuildIntoTheViewsOnce() throws Exception {
        // given a migration with a long history, rebuilt one event per batch so commands land while it runs
        RunningControlPlane server = node(Map.of("dimmer.rebuild.batch-size", 1));
        walk(server);
        flap(server, 30);

        // when commands keep coming while the views are rebuilt twice
        CompletableFuture<Void> commands = CompletableFuture.runAsync(() -> flap(server, 7));
        for (int i = 0; i < 2; i++) {
            assertThat(server.post("/api/projections/rebuild", OPERATOR, Map.of()).status()).isEqualTo(200);
        }
        commands.get();

        // then the audit trail holds every event of the log once, and the board equals a rebuild from scratch
        long events = Tables.count(database, EVENTS);
        server.await("/api/migrations/" + ID + "/audit", LEAD, t -> t.path("entries").size() == events);
        assertThat(Tables.rows(database, "SELECT position FROM audit_entry ORDER BY position"))
                .isEqualTo(Tables.rows(database, "SELECT global_index FROM domain_event_entry ORDER BY global_index"));
        List<List<Object>> waves = Tables.rows(database, WAVES);
        List<List<Object>> migrations = Tables.rows(database, VIEWS);
        assertThat(server.post("/api/projections/rebuild", OPERATOR, Map.of()).status()).isEqualTo(200);
        assertThat(Tables.rows(database, WAVES)).isEqualTo(waves);
        assertThat(Tables.rows(database, VIEWS)).isEqualTo(migrations);
    }

    private RunningControlPlane node(Map<String, Object> properties) {
        RunningControlPlane node = RunningControlPlane.on(database, properties, List.of());
        nodes.add(node);
        return node;
    }

    /** Registers the plan and moves its waves: forward, a rollback, forward again, the second wave started. */
    private void walk(RunningControlPlane server) {
        assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID)).status()).isEqualTo(201);
        for (String step : List.of("advance", "advance", "advance", "advance", "rollback", "advance")) {
            // reasons as people type them: tabs, line breaks, backslashes, quotes and more than ASCII
            String reason = step + ":\tp99 up 40 %\nsee C:\\runbooks\\crm \"ü ✓\"";
            assertThat(server.post(WAVES_PATH + "customers/" + step, LEAD, Map.of("reason", reason)).status())
                    .isEqualTo(200);
        }
        assertThat(server.post(WAVES_PATH + "orders/advance", LEAD, Map.of("reason", "backfill")).status())
                .isEqualTo(200);
        long events = Tables.count(database, EVENTS);
        server.await("/api/migrations/" + ID + "/audit", LEAD, t -> t.path("entries").size() == events);
    }

    /** Takes the first wave (in its first canary step) up a step, back to shadow and into canary again. */
    private void flap(RunningControlPlane server, int rounds) {
        for (int i = 0; i < rounds; i++) {
            for (String action : List.of("advance", "rollback", "advance")) {
                Answer answer = server.post(WAVES_PATH + "customers/" + action, LEAD, Map.of("reason", "flap " + i));
                assertThat(answer.status()).isEqualTo(200);
            }
        }
        long events = Tables.count(database, EVENTS);
        server.await("/api/migrations/" + ID + "/audit", LEAD, t -> t.path("entries").size() >= events);
    }

    /** The views' row counts, read without waiting for any lock: a read held up by the rebuild fails. */
    private List<Long> counts() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '1ms'");
            try (ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM status_migration), "
                    + "(SELECT count(*) FROM status_wave), (SELECT count(*) FROM audit_entry)")) {
                r.next();
                return List.of(r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    private void awaitOwner(String node) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<List<Object>> owners = Tables.rows(database,
                    "SELECT owner FROM token_entry WHERE processor_name = 'projections'");
            if (!owners.isEmpty() && node.equals(owners.get(0).get(0))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(node + " never claimed the views' processor");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
