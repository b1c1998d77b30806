package dev.dimmer.projections.status;

import static dev.dimmer.projections.MigrationEvents.AT;
import static dev.dimmer.projections.MigrationEvents.MIGRATION;
import static dev.dimmer.projections.MigrationEvents.WAVE;
import static dev.dimmer.projections.MigrationEvents.facts;
import static dev.dimmer.projections.MigrationEvents.plan;
import static dev.dimmer.projections.MigrationEvents.wave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status board's statements on real PostgreSQL: each change lands as the fold means it, once. */
class StatusRowsTest {
    private static final String SCHEMA = "/db/migration/V2026.11.24.10__status_and_audit_views.sql";
    private TestDatabase database;
    private StatusRows rows;

    @BeforeEach
    void createTables() throws SQLException, IOException {
        database = TestPostgres.newDatabase();
        try (InputStream sql = getClass().getResourceAsStream(SCHEMA); Connection c = database.connect();
             Statement s = c.createStatement()) {
            s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
        rows = new StatusRows(database::connect);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void cannotChangeSinceWhenOrByWhomWithARefusalButReachesItsVersion() throws SQLException {
        // given a migration whose wave moved at position 2, version 1
        fold(new MigrationRegisteredEvent(MIGRATION, plan("CRM", wave(WAVE, List.of(), List.of(10))), AT), 1, 0);
        fold(new WaveAdvancedEvent(MIGRATION, WAVE, Phase.PLANNED, Phase.SHADOW, 0, AT.plusSeconds(60)), 2, 1);

        // when a later command is refused
        fold(new CommandRefusedEvent(MIGRATION, "cutover customers", "Eve may not", "U0EVE",
                AT.plus(Duration.ofHours(1))), 3, 2);

        // then the migration is at the refusal's position and version, last changed by the wave's move
        assertThat(query("SELECT (updated_at AT TIME ZONE 'UTC')::text, updated_by, position, version"
                + " FROM status_migration"))
                .containsExactly(List.of("2026-03-01 09:01:00", "Ada Lovelace", "3", "2"));
    }

    @Test
    void shouldDropTheWavesARevisedPlanNoLongerNamesAndKeepTheOthersPhase() throws SQLException {
        // given customers in SHADOW and orders PLANNED
        fold(new MigrationRegisteredEvent(MIGRATION, plan("CRM", wave(WAVE, List.of(), List.of(10)),
                wave("orders", List.of(WAVE), List.of(10))), AT), 1, 0);
        fold(new WaveAdvancedEvent(MIGRATION, WAVE, Phase.PLANNED, Phase.SHADOW, 0, AT), 2, 1);

        // when the plan is revised to billing and customers, in that order
        fold(new PlanRevisedEvent(MIGRATION, plan("CRM 2", wave("billing", List.of(), List.of(5, 50)),
                wave(WAVE, List.of(), List.of(10))), List.of("orders removed"), AT), 3, 2);

        // then orders is gone, billing is new and PLANNED, customers keeps its phase at its new place
        assertThat(query("SELECT name, ordinal::text, phase, canary_steps FROM status_wave ORDER BY ordinal"))
                .containsExactly(List.of("billing", "0", "PLANNED", "5,50"), List.of(WAVE, "1", "SHADOW", "10"));
        assertThat(query("SELECT title, version::text FROM status_migration")).containsExactly(List.of("CRM 2", "2"));
    }

    @Test
    void shouldChangeNothingWhenAnEventIsHandledTwice() throws SQLException {
        // given a registered migration whose wave moved
        fold(new MigrationRegisteredEvent(MIGRATION, plan("CRM", wave(WAVE, List.of(), List.of(10))), AT), 1, 0);
        MigrationEvent advanced = new WaveAdvancedEvent(MIGRATION, WAVE, Phase.PLANNED, Phase.SHADOW, 0, AT);
        fold(advanced, 2, 1);
        fold(new WaveAdvancedEvent(MIGRATION, WAVE, Phase.SHADOW, Phase.CANARY, 10, AT), 3, 2);
        List<List<String>> before = board();

        // when the earlier events come again
        fold(advanced, 2, 1);
        fold(new MigrationRegisteredEvent(MIGRATION, plan("CRM", wave(WAVE, List.of(), List.of(10))), AT), 1, 0);

        // then the board is as it was
        assertThat(board()).isEqualTo(before);
        assertThat(before).contains(List.of(WAVE, "CANARY", "10", "3"));
    }

    private void fold(MigrationEvent event, long position, long version) {
        StatusFold.changes(facts(event, position, version)).forEach(rows::write);
    }

    private List<List<String>> board() throws SQLException {
        List<List<String>> board = new ArrayList<>(query(
                "SELECT id, title, state, updated_at::text, updated_by, position, version FROM status_migration"));
        board.addAll(query("SELECT name, phase, weight::text, position::text FROM status_wave ORDER BY name"));
        return board;
    }

    private List<List<String>> query(String sql) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                result.add(row);
            }
        }
        return result;
    }
}
