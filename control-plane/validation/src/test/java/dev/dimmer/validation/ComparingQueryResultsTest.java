package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparingQueryResultsTest {
    private static PostgresFixture pg;

    @BeforeAll
    static void startDatabase() {
        pg = new PostgresFixture();
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Test
    void canMatchNumbersWithinToleranceAndTextExactly() {
        // when
        QueryComparisonResult result = new ComparingQueryResults().compare(pg.connection,
                "SELECT 'a' AS k, 100.0 AS v UNION ALL SELECT 'b', 2.5 ORDER BY 1", pg.connection,
                "SELECT 'a', 100.4::float8 UNION ALL SELECT 'b', 2.50 ORDER BY 1", Tolerance.absolute("0.5"));
        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.sourceRows()).isEqualTo(2);
    }

    @Test
    void shouldReportTheCellsThatDifferAndUnequalRowCounts() {
        // when
        QueryComparisonResult result = new ComparingQueryResults().compare(pg.connection,
                "SELECT 'a', 1 UNION ALL SELECT 'b', 2", pg.connection, "SELECT 'a', 1 UNION ALL SELECT 'c', 2 "
                        + "UNION ALL SELECT 'd', 3", Tolerance.EXACT);
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.targetRows()).isEqualTo(3);
        assertThat(result.cells()).containsExactly(new CellDifference(2, 1, "b", "c"));
    }
}
