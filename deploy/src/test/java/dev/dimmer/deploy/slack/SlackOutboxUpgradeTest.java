package dev.dimmer.deploy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.outbox.Backoff;
import dev.dimmer.outbox.OutboxRelay;
import dev.dimmer.outbox.Outcome;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** An installation that queued Slack posts in slack_outbox keeps them when it upgrades to the generic outbox. */
class SlackOutboxUpgradeTest {
    @Test
    void shouldMoveSlackOutboxRowsIntoTheOutboxKeepingUnpostedOnesDeliverable() throws SQLException {
        try (TestDatabase database = TestPostgres.newDatabase()) {
            PGSimpleDataSource data = new PGSimpleDataSource();
            data.setURL(database.url());
            data.setUser(database.user());
            data.setPassword(database.password());
            // given a database before the outbox, with a posted, a failed and a waiting row
            Flyway.configure().dataSource(data).locations("classpath:db/migration").target("2026.12.01.20").load()
                    .migrate();
            execute(data, """
                    INSERT INTO slack_outbox (event_id, position, migration_id, channel, text, attempts, posted_at,
                                              message_ts, failed_at, last_error) VALUES
                      ('e1', 1, 'crm', 'C1', 'registered', 1, now(), '1700000000.1', NULL, NULL),
                      ('e2', 2, 'crm', 'C1', 'too "long"', 1, NULL, NULL, now(), 'chat.postMessage: msg_too_long'),
                      ('e3', 3, 'crm', 'C1', 'moved', 2, NULL, NULL, NULL, 'chat.postMessage: HTTP 503')""");

            // when it is migrated
            Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();

            // then the rows are outbox messages of topic slack, and only the waiting one is delivered again
            assertThat(rows(data, """
                    SELECT position || ' ' || (payload::json ->> 'channel') || ' ' || (payload::json ->> 'text') || ' '
                           || attempts || ' ' || (delivered_at IS NOT NULL) || ' ' || coalesce(receipt, '-') || ' '
                           || (failed_at IS NOT NULL) FROM outbox_message
                     WHERE topic = 'slack' AND message_key = 'crm' ORDER BY position""")).containsExactly(
                    "1 C1 registered 1 true 1700000000.1 false",
                    "2 C1 too \"long\" 1 false - true",
                    "3 C1 moved 2 false - false");
            assertThat(rows(data, "SELECT to_regclass('slack_outbox')::text")).containsOnlyNulls();
            List<Long> delivered = new ArrayList<>();
            new OutboxRelay("slack", data, m -> {
                delivered.add(m.position());
                return new Outcome.Delivered("1700000000.3");
            }, Backoff.doubling(Duration.ofSeconds(1)), Clock.systemUTC()).deliverDue();
            assertThat(delivered).containsExactly(3L);
        }
    }

    private static void execute(PGSimpleDataSource data, String sql) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(PGSimpleDataSource data, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = data.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
