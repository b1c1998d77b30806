package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks other than the diff, on MariaDB and between PostgreSQL and MariaDB. */
class ChecksOnMariaDbTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static MariaDbFixture maria;
    private static PostgresFixture pg;

    @BeforeEach
    void startDatabasesOnce() {
        if (maria == null) {
            maria = MariaDbFixture.startOrSkip();
            pg = new PostgresFixture();
            maria.execute("CREATE TABLE orders (id INT, email VARCHAR(20), placed_at DATETIME(6), "
                            + "synced_at TIMESTAMP(6) NULL, amount DECIMAL(10,2))",
                    "INSERT INTO orders SELECT seq, IF(seq % 4 = 0, NULL, 'e'), "
                            + "TIMESTAMP('2024-05-01 11:00:00') + INTERVAL seq SECOND, "
                            + "TIMESTAMP('2024-05-01 10:00:00'), seq / 2 FROM seq_1_to_400",
                    "INSERT INTO orders VALUES (5, 'dup', NULL, NULL, 1)");
            pg.execute("CREATE TABLE orders (id int, amount numeric(10,2))",
                    "INSERT INTO orders SELECT i, i / 2.0 FROM generate_series(1, 400) i");
        }
    }

    @AfterAll
    static void dropDatabases() {
        if (maria != null) {
            maria.close();
            pg.close();
        }
    }

    @Test
    void canCountRowsOnPostgresAndMariaDb() {
        // when
        RowCountResult result = new CountingRows().count(pg.connection, new TableRef("public", "orders"),
                maria.connection, new TableRef("", "orders"), null, Tolerance.absolute("1"));
        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.target()).isEqualTo(401);
    }

    @Test
    void shouldFindTheDuplicatedKeyOnMariaDb() {
        // when
        KeyUniquenessResult result = new CheckingKeyUniqueness().check(maria.connection, new TableRef("", "orders"),
                List.of("id"), null, 3);
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.examples()).containsExactly(Map.of("id", 5));
    }

    @Test
    void shouldMeasureNullRatesOnMariaDb() {
        // when
        NullRateResult result = new CheckingNullRates().check(maria.connection, new TableRef("", "orders"),
                Map.of("email", 0.2), null);
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.columns().get(0).nulls()).isEqualTo(100);
    }

    @Test
    void shouldMeasureFreshnessOfDatetimeAndTimestampColumnsOnMariaDb() {
        // when
        FreshnessResult placed = new CheckingFreshness().check(maria.connection, new TableRef("", "orders"),
                "placed_at", null, Duration.ofMinutes(30), NOW);
        FreshnessResult synced = new CheckingFreshness().check(maria.connection, new TableRef("", "orders"),
                "synced_at", null, Duration.ofMinutes(30), NOW);
        // then the newest placed_at is 11:06:40, the newest synced_at 10:00
        assertThat(placed.lag()).isEqualTo(Duration.ofSeconds(53 * 60 + 20));
        assertThat(placed.passed()).isFalse();
        assertThat(synced.latest()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void canCompareQueryResultsAcrossEngines() {
        // when
        QueryComparisonResult result = new ComparingQueryResults().compare(pg.connection,
                "SELECT count(*), sum(amount) FROM orders", maria.connection,
                "SELECT COUNT(*), SUM(amount) FROM orders WHERE email IS NULL OR email <> 'dup'", Tolerance.EXACT);
        // then
        assertThat(result.passed()).isTrue();
    }
}
