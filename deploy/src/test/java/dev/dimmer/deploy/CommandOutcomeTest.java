package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a command over HTTP answers once it was dispatched: refused, stored (even when the view cannot be read right
 * after), or unknown (the commit lost its connection); and how an Idempotency-Key makes a retry safe.
 */
class CommandOutcomeTest {
    private static final String KEY = "Idempotency-Key";
    private static TestDatabase database;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void canRetryACommandWithTheSameKeyAndHaveItActOnce() {
        // given a registered migration
        register("retried");

        // when the same advance is sent twice with one key
        Answer first = advance("retried", "backfill started", Map.of(KEY, "retry-7f3a"));
        Answer retry = advance("retried", "backfill started", Map.of(KEY, "retry-7f3a"));

        // then it acted once, and the retry got the first answer back, marked as a replay
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("X-Correlation-Id")).isEqualTo(first.header("X-Correlation-Id"));
        assertThat(events("retried")).isEqualTo(2);
        assertThat(lastEventMetadata("retried")).contains("\"idempotency_key\":\"retry-7f3a\"");
        assertThat(Tables.rows(database, "SELECT actor_id, command_type, outcome, status FROM command_idempotency "
                + "WHERE idempotency_key = 'retry-7f3a'")).containsExactly(
                java.util.List.of("U01LEAD", "AdvanceWaveCommand", "stored", "200"));
    }

    @Test
    void cannotReuseAKeyForADifferentRequest() {
        // given an advance sent with a key
        register("reused");
        assertThat(advance("reused", "backfill started", Map.of(KEY, "reused-1")).status()).isEqualTo(200);

        // when the key comes again with a different request
        Answer reused = advance("reused", "something else", Map.of(KEY, "reused-1"));

        // then it is refused and nothing more is stored
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().path("code").asText()).isEqualTo("idempotency-key-reused");
        assertThat(events("reused")).isEqualTo(2);
    }

    @Test
    void shouldReplayARefusalForTheSameKey() {
        // given a cutover refused (the wave is PLANNED) under a key
        register("refused");
        Answer refused = server.post("/api/migrations/refused/waves/customers/cutover", LEAD,
                Map.of("reason", "too early"), Map.of(KEY, "refused-1"));
        assertThat(refused.status()).isEqualTo(409);

        // when it is retried with the same key
        Answer retry = server.post("/api/migrations/refused/waves/customers/cutover", LEAD,
                Map.of("reason", "too early"), Map.of(KEY, "refused-1"));

        // then the retry gets the same refusal, marked as a replay
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().path("detail")).isEqualTo(refused.body().path("detail"));
        assertThat(retry.body().path("code")).isEqualTo(refused.body().path("code"));
    }

    @Test
    void cannotSendAMalformedKey() {
        register("malformed");

        Answer answer = advance("malformed", "backfill started", Map.of(KEY, "k".repeat(201)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("invalid-idempotency-key");
        assertThat(events("malformed")).isEqualTo(1);
    }

    @Test
    void shouldAnswerStoredWhenTheStatusViewCannotBeReadAfterTheCommit() {
        // given a migration whose status view cannot be read (its table is gone, as during a database failover)
        register("view-down");
        sql("ALTER TABLE status_wave RENAME TO status_wave_away");
        Answer answer;
        try {
            // when the lead advances a wave
            answer = advance("view-down", "backfill started", Map.of());
        } finally {
            sql("ALTER TABLE status_wave_away RENAME TO status_wave");
        }

        // then the command is stored and the answer says so, with the view catching up, not a 500
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("phase").asText()).isEqualTo("BACKFILL");
        assertThat(answer.body().path("view").asText()).isEqualTo("catching-up");
        assertThat(answer.header("Warning")).contains("catching up");
        assertThat(events("view-down")).isEqualTo(2);
        server.await("/api/migrations/view-down", LEAD,
                status -> status.path("waves").get(0).path("phase").asText().equals("BACKFILL"));
    }

    @Test
    void shouldSayTheOutcomeIsUnknownWhenTheCommitLosesItsConnectionAndActOnTheRetry() {
        // given a database that drops the connection while an event is being committed
        register("lost-commit");
        sql("""
                CREATE FUNCTION drop_the_connection() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$;
                CREATE CONSTRAINT TRIGGER lose_the_commit AFTER INSERT ON domain_event_entry
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION drop_the_connection();""");
        Answer lost;
        try {
            // when the lead advances a wave
            lost = advance("lost-commit", "backfill started", Map.of(KEY, "lost-1"));
        } finally {
            sql("DROP TRIGGER lose_the_commit ON domain_event_entry; DROP FUNCTION drop_the_connection()");
        }

        // then the answer says the outcome is unknown, not that nothing changed
        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.body().path("code").asText()).isEqualTo("outcome-unknown");
        assertThat(lost.body().path("detail").asText()).contains("may or may not").contains("lost-1");

        // and a retry with the same key acts (the first did not commit), once
        Answer retry = advance("lost-commit", "backfill started", Map.of(KEY, "lost-1"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        Answer again = advance("lost-commit", "backfill started", Map.of(KEY, "lost-1"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events("lost-commit")).isEqualTo(2);
    }

    @Test
    void cannotAdvanceWhenTheMigrationMovedOnSinceTheCallerLooked() {
        // given a caller that read the migration's version, and someone else advancing it since
        register("if-match");
        long seen = server.get("/api/migrations/if-match", LEAD).body().path("version").asLong();
        assertThat(advance("if-match", "mine first", Map.of("If-Match", "\"" + seen + "\"")).status())
                .isEqualTo(200);

        // when the caller acts on what it saw
        Answer stale = advance("if-match", "backfill verified", Map.of("If-Match", "\"" + seen + "\""));

        // then it is refused with the current version, and nothing is stored
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().path("code").asText()).isEqualTo("version-mismatch");
        assertThat(stale.body().path("detail").asText()).contains("version " + (seen + 1));
        assertThat(events("if-match")).isEqualTo(2);
        assertThat(advance("if-match", "backfill verified", Map.of("If-Match", "99")).status()).isEqualTo(412);
    }

    @Test
    void shouldSendAGeneratedIdempotencyKeyWithEveryCliCommand() {
        // given a registered migration and the CLI pointed at the server
        register("cli-keyed");
        Map<String, String> env = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", LEAD);

        // when the lead advances a wave with the CLI, giving no key
        CliProcess.Result advanced = CliProcess.run(env, "advance", "cli-keyed", "customers", "--reason", "from cli");

        // then a key was made up, recorded with the command and carried on its event; nothing extra was printed
        assertThat(advanced.exitCode()).as(advanced.err()).isZero();
        assertThat(advanced.err()).isEmpty();
        String key = (String) Tables.rows(database, "SELECT idempotency_key FROM command_idempotency "
                + "WHERE migration_id = 'cli-keyed'").get(0).get(0);
        assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(lastEventMetadata("cli-keyed")).contains("\"idempotency_key\":\"" + key + "\"");

        // and a run given a key once more answers as the first did, acting once
        CliProcess.Result first = CliProcess.run(env, "advance", "cli-keyed", "customers", "--reason", "verified",
                "--idempotency-key", "ci-run-42-advance");
        CliProcess.Result again = CliProcess.run(env, "advance", "cli-keyed", "customers", "--reason", "verified",
                "--idempotency-key", "ci-run-42-advance");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(events("cli-keyed")).isEqualTo(3);
    }

    private static void register(String id) {
        assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(id)).status()).isEqualTo(201);
    }

    private static Answer advance(String id, String reason, Map<String, String> headers) {
        return server.post("/api/migrations/" + id + "/waves/customers/advance", LEAD, Map.of("reason", reason),
                headers);
    }

    private static long events(String id) {
        return Tables.count(database, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                + id + "'");
    }

    private static String lastEventMetadata(String id) {
        return (String) Tables.rows(database, "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = '" + id + "' ORDER BY sequence_number DESC LIMIT 1").get(0).get(0);
    }

    private static void sql(String statements) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
