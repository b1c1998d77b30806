package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparingAggregatesTest {
    private static PostgresFixture pg;

    @BeforeAll
    static void createTables() {
        pg = new PostgresFixture();
        pg.execute("CREATE TABLE sales (day date, amount numeric(10,2))",
                "INSERT INTO sales SELECT date '2024-01-01' + (i % 5), 10.00 FROM generate_series(1, 100) i",
                "CREATE TABLE sales_copy AS SELECT * FROM sales",
                "UPDATE sales_copy SET amount = 10.05 WHERE day = '2024-01-02'",
                "UPDATE sales_copy SET amount = 12 WHERE day = '2024-01-03'",
                "INSERT INTO sales_copy VALUES ('2024-02-01', 1)");
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Test
    void shouldReportGroupsOutsideTheRelativeToleranceAndMissingGroups() {
        // when sums per day may differ by 1 %
        AggregateResult result = new ComparingAggregates().compare(pg.connection, pg.connection,
                AggregateRequest.sameSql(new TableRef("public", "sales"), new TableRef("public", "sales_copy"),
                        "day", "sum(amount)", null, Tolerance.relative("0.01")));
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.groups()).isEqualTo(6);
        assertThat(result.outside()).containsExactly(
                new GroupDifference("2024-01-03", new BigDecimal("200.00"), new BigDecimal("240.00")),
                new GroupDifference("2024-02-01", null, new BigDecimal("1.00")));
    }

    @Test
    void canCompareAggregatesOnPostgresAndMariaDbByDay() {
        try (MariaDbFixture maria = MariaDbFixture.startOrSkip()) {
            // given the same sales on MariaDB
            maria.execute("CREATE TABLE sales (day DATE, amount DECIMAL(10,2))",
                    "INSERT INTO sales SELECT DATE('2024-01-01') + INTERVAL (seq % 5) DAY, 10.00 FROM seq_1_to_100");
            // when
            AggregateResult result = new ComparingAggregates().compare(pg.connection, maria.connection,
                    AggregateRequest.sameSql(new TableRef("public", "sales"), new TableRef("", "sales"), "day",
                            "sum(amount)", null, Tolerance.EXACT));
            // then
            assertThat(result.passed()).isTrue();
            assertThat(result.groups()).isEqualTo(5);
        }
    }
}
