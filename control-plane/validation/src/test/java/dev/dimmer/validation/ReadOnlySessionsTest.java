package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters and custom SQL run in read-only sessions: whatever they call, the compared data stays as it was. */
class ReadOnlySessionsTest {

    @Test
    void cannotAdvanceASequenceOrInsertThroughAFunctionOnPostgres() throws Exception {
        try (PostgresFixture pg = new PostgresFixture()) {
            // given
            pg.execute("CREATE TABLE orders (id int PRIMARY KEY)", "INSERT INTO orders VALUES (1), (2)",
                    "CREATE SEQUENCE s", "CREATE TABLE audit (id int)",
                    "CREATE FUNCTION sneak() RETURNS int LANGUAGE plpgsql AS "
                            + "$$ BEGIN INSERT INTO audit VALUES (1); RETURN 1; END $$");
            // when / then
            for (String filter : List.of("nextval('s') > 0", "sneak() > 0")) {
                assertThatThrownBy(() -> pg.connection.query("SELECT count(*) FROM orders WHERE " + filter, List.of(),
                        ResultSet::next))
                        .isInstanceOf(ValidationException.class)
                        .hasMessageContaining("source database")
                        .hasMessageContaining("refused to change data")
                        .hasMessageContaining("read-only transaction")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
            try (Connection c = pg.database.connect(); Statement s = c.createStatement()) {
                ResultSet sequence = s.executeQuery("SELECT is_called FROM s");
                sequence.next();
                assertThat(sequence.getBoolean(1)).as("sequence advanced").isFalse();
                assertThat(count(s, "audit")).isZero();
            }
        }
    }

    @Test
    void cannotAdvanceASequenceOrInsertThroughAFunctionOnMariaDb() throws Exception {
        try (MariaDbFixture maria = MariaDbFixture.startOrSkip()) {
            // given
            maria.execute("CREATE TABLE orders (id INT PRIMARY KEY)", "INSERT INTO orders VALUES (1), (2)",
                    "CREATE SEQUENCE s", "CREATE TABLE audit (id INT)",
                    "CREATE FUNCTION sneak() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO audit VALUES (1); "
                            + "RETURN 1; END");
            // when / then
            for (String filter : List.of("nextval(s) > 0", "sneak() > 0")) {
                assertThatThrownBy(() -> maria.connection.query("SELECT count(*) FROM orders WHERE " + filter,
                        List.of(), ResultSet::next))
                        .isInstanceOf(ValidationException.class)
                        .hasMessageContaining("target database")
                        .hasMessageContaining("refused to change data")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
            try (Connection c = DriverManager.getConnection(maria.url); Statement s = c.createStatement()) {
                ResultSet sequence = s.executeQuery("SELECT next_not_cached_value FROM s");
                sequence.next();
                assertThat(sequence.getLong(1)).as("sequence advanced").isEqualTo(1);
                assertThat(count(s, "audit")).isZero();
            }
        }
    }

    @Test
    void shouldStillReadInAReadOnlySession() {
        try (PostgresFixture pg = new PostgresFixture()) {
            // given
            pg.execute("CREATE TABLE orders (id int PRIMARY KEY)", "INSERT INTO orders VALUES (1), (2)");
            // when
            long rows = pg.connection.query("SELECT count(*) FROM orders", List.of(), r -> {
                r.next();
                return r.getLong(1);
            });
            // then
            assertThat(rows).isEqualTo(2);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table);
        rows.next();
        return rows.getLong(1);
    }
}
