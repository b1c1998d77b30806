package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CountingRowsTest {
    private static PostgresFixture pg;

    @BeforeAll
    static void createTables() {
        pg = new PostgresFixture();
        pg.execute("CREATE TABLE a (id int)", "INSERT INTO a SELECT generate_series(1, 1000)",
                "CREATE TABLE b (id int)", "INSERT INTO b SELECT generate_series(1, 995)");
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Test
    void canPassCountsWithinARelativeTolerance() {
        // when
        RowCountResult result = new CountingRows().count(pg.connection, new TableRef("public", "a"), pg.connection,
                new TableRef("public", "b"), null, Tolerance.relative("0.01"));
        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.source()).isEqualTo(1000);
        assertThat(result.target()).isEqualTo(995);
        assertThat(result.difference()).isEqualTo(-5);
    }

    @Test
    void cannotPassCountsOutsideAnAbsoluteTolerance() {
        // when
        RowCountResult result = new CountingRows().count(pg.connection, new TableRef("public", "a"), pg.connection,
                new TableRef("public", "b"), null, Tolerance.absolute("4"));
        // then
        assertThat(result.passed()).isFalse();
    }

    @Test
    void shouldCountOnlyFilteredRows() {
        // when
        RowCountResult result = new CountingRows().count(pg.connection, new TableRef("public", "a"), pg.connection,
                new TableRef("public", "b"), "id <= 900", Tolerance.EXACT);
        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.source()).isEqualTo(900);
    }
}
