package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckingFreshnessTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static PostgresFixture pg;

    @BeforeAll
    static void createTables() {
        pg = new PostgresFixture();
        pg.execute("CREATE TABLE events (id int, at timestamptz, local_at timestamp)",
                "INSERT INTO events VALUES (1, '2024-05-01 11:10:00+00', '2024-05-01 11:50:00'), "
                        + "(2, '2024-05-01 13:40:00+02', NULL), (3, NULL, '2024-04-30 00:00:00')");
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Test
    void canPassWhenTheNewestRowIsWithinTheTolerance() {
        // when
        FreshnessResult result = new CheckingFreshness().check(pg.connection, new TableRef("public", "events"),
                "local_at", null, Duration.ofMinutes(30), NOW);
        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.lag()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void cannotPassWhenTheNewestRowLagsTooFar() {
        // when the newest instant is 11:40 UTC
        FreshnessResult result = new CheckingFreshness().check(pg.connection, new TableRef("public", "events"),
                "at", null, Duration.ofMinutes(15), NOW);
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.latest()).isEqualTo(Instant.parse("2024-05-01T11:40:00Z"));
        assertThat(result.lag()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void cannotPassAnEmptySelection() {
        // when
        FreshnessResult result = new CheckingFreshness().check(pg.connection, new TableRef("public", "events"),
                "at", "id > 100", Duration.ofDays(1), NOW);
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.latest()).isNull();
    }
}
