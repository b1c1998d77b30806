package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckingNullRatesTest {
    private static PostgresFixture pg;

    @BeforeAll
    static void createTables() {
        pg = new PostgresFixture();
        pg.execute("CREATE TABLE people (id int, email text, phone text)",
                "INSERT INTO people SELECT i, CASE WHEN i % 10 = 0 THEN NULL ELSE 'e' END, "
                        + "CASE WHEN i % 2 = 0 THEN NULL ELSE 'p' END FROM generate_series(1, 200) i");
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Test
    void shouldFailOnlyTheColumnsAboveTheirMaximum() {
        // given
        Map<String, Double> maximums = new LinkedHashMap<>();
        maximums.put("email", 0.2);
        maximums.put("phone", 0.2);
        // when
        NullRateResult result = new CheckingNullRates().check(pg.connection, new TableRef("public", "people"),
                maximums, null);
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.rows()).isEqualTo(200);
        assertThat(result.columns()).extracting(ColumnNullRate::rate).containsExactly(0.1, 0.5);
        assertThat(result.failing()).extracting(ColumnNullRate::column).containsExactly("phone");
    }
}
