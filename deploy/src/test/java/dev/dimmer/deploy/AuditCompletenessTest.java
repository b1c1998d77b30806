package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * No event without its audit row: concurrent commands on many migrations commit out of global-index order (an event
 * fills a gap below one already read), and every view must still take each event at its own index. Checked row for
 * row against the event table and against a rebuild from the log, on the test JVM's PostgreSQL with the aggregate
 * cache (as dev mode runs) and without it (as several nodes run), and on an external PostgreSQL when one is named.
 */
class AuditCompletenessTest {
    private static final int CLIENTS = 4;
    private static final int MIGRATIONS = 8;
    private static final int COMMANDS_PER_CLIENT = 150;
    private static final String MISSING = """
            SELECT e.global_index, e.aggregate_identifier, e.sequence_number, e.payload_type
              FROM domain_event_entry e
              LEFT JOIN audit_entry a ON a.position = e.global_index AND a.event_id = e.event_identifier
             WHERE a.position IS NULL ORDER BY e.global_index""";
    private static final String VIEWS = "SELECT * FROM status_migration ORDER BY id";
    private static final String WAVES = "SELECT * FROM status_wave ORDER BY migration_id, name";
    private static final String AUDIT = "SELECT * FROM audit_entry ORDER BY position";

    @Test
    void shouldGiveEveryEventItsAuditRowUnderConcurrentCommandsWithTheAggregateCache() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase()) {
            checkUnderLoad(TestPostgres.kind() + " PostgreSQL, aggregate cache", database,
                    Map.of("dimmer.axon.aggregate-cache", true));
        }
    }

    @Test
    void shouldGiveEveryEventItsAuditRowUnderConcurrentCommandsWithoutTheAggregateCache() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase()) {
            checkUnderLoad(TestPostgres.kind() + " PostgreSQL, no cache", database, Map.of());
        }
    }

    @Test
    void shouldGiveEveryEventItsAuditRowUnderConcurrentCommandsOnAnExternalPostgres() throws Exception {
        Optional<TestDatabase> external = TestPostgres.newExternalDatabase();
        if (external.isEmpty()) {
            System.out.println("AuditCompletenessTest: external PostgreSQL skipped: set "
                    + "DIMMER_TEST_EXTERNAL_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/?user=postgres)");
        }
        assumeTrue(external.isPresent(), "DIMMER_TEST_EXTERNAL_POSTGRES_URL is not set");
        try (TestDatabase database = external.get()) {
            checkUnderLoad("external PostgreSQL", database, Map.of());
        }
    }

    private static void checkUnderLoad(String variant, TestDatabase database, Map<String, Object> properties) throws Exception {
        long started = System.nanoTime();
        try (RunningControlPlane server = RunningControlPlane.on(database, properties, List.of())) {
            // given eight migrations, each with a wave in SHADOW
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < MIGRATIONS; m++) {
                String id = "audit-load-" + m;
                ids.add(id);
                assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(id)).status())
                        .isEqualTo(201);
                for (int step = 0; step < 2; step++) {
                    assertThat(advance(server, id).status()).isEqualTo(200);
                }
            }

            // when four clients, two migrations each, move their canaries up and roll them back at the same time
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CyclicBarrier start = new CyclicBarrier(CLIENTS);
            List<CompletableFuture<List<Integer>>> answers = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                List<String> own = List.of(ids.get(client), ids.get(client + CLIENTS));
                answers.add(CompletableFuture.supplyAsync(() -> cycle(server, own, start), clients));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).flatMap(List::stream).toList();
            clients.shutdown();
            assertThat(statuses).hasSize(CLIENTS * COMMANDS_PER_CLIENT).containsOnly(200);

            // then, once the views have taken in every migration's last event, each event has its own audit row
            Tables.awaitViewsAtLastEvents(database);
            assertThat(Tables.rows(database, MISSING)).as("events without their audit row").isEmpty();
            assertThat(Tables.count(database, "SELECT count(*) FROM audit_entry"))
                    .isEqualTo(Tables.count(database, "SELECT count(*) FROM domain_event_entry"));
            assertThat(Tables.rows(database, """
                    SELECT w.migration_id, w.name, w.position FROM status_wave w
                     WHERE w.position <> (SELECT max(a.position) FROM audit_entry a
                                           WHERE a.migration_id = w.migration_id
                                             AND (a.wave = w.name OR a.wave IS NULL))"""))
                    .as("waves whose row names another event's position").isEmpty();

            // and the live views are what a rebuild from the log makes of it, row for row
            List<List<Object>> views = Tables.rows(database, VIEWS);
            List<List<Object>> waves = Tables.rows(database, WAVES);
            List<List<Object>> audit = Tables.rows(database, AUDIT);
            Answer rebuilt = server.post("/api/projections/rebuild", OPERATOR, Map.of());
            assertThat(rebuilt.status()).isEqualTo(200);
            assertThat(Tables.rows(database, VIEWS)).isEqualTo(views);
            assertThat(Tables.rows(database, WAVES)).isEqualTo(waves);
            assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
            System.out.printf("AuditCompletenessTest, %s: %d commands from %d clients over %d migrations, %d events,"
                            + " %d audit rows, none missing; views equal a rebuild (%.1f s)%n", variant,
                    statuses.size(), CLIENTS, MIGRATIONS, Tables.count(database,
                            "SELECT count(*) FROM domain_event_entry"), audit.size(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Canary at 10%, at 50%, rolled back to SHADOW; again, round the migrations a client owns. */
    private static List<Integer> cycle(RunningControlPlane server, List<String> own, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
            String id = own.get(i % own.size());
            int step = (i / own.size()) % 3;
            Answer answer = step < 2 ? advance(server, id)
                    : server.post("/api/migrations/" + id + "/waves/customers/rollback", LEAD,
                    Map.of("reason", "latency over the SLO"));
            statuses.add(answer.status());
        }
        return statuses;
    }

    private static Answer advance(RunningControlPlane server, String id) {
        return server.post("/api/migrations/" + id + "/waves/customers/advance", LEAD, Map.of("reason", "step"));
    }
}
