package dev.dimmer.deploy.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code dimmer diff} says when a newcomer gets something slightly wrong, and the values it shows on request. */
class DiffCommandHintsTest {
    private static TestDatabase pg;

    @BeforeAll
    static void createTables() throws Exception {
        pg = TestPostgres.newDatabase();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer int, amount numeric(10,2))");
            s.execute("INSERT INTO orders SELECT i, i % 5, i / 4.0 FROM generate_series(1, 200) i");
            s.execute("CREATE TABLE orders_v2 AS SELECT * FROM orders");
            s.execute("UPDATE orders_v2 SET amount = 99.5 WHERE id = 12");
        }
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run between(String sourceUrl, String targetUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("--source", sourceUrl, "--target", targetUrl, "--source-user",
                pg.user(), "--source-password-env", "DIMMER_PW", "--target-user", pg.user(), "--target-password-env",
                "DIMMER_PW"));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new DiffCommand(Map.of("DIMMER_PW", pg.password())::get));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run dimmerDiff(String... more) {
        return between(pg.url(), pg.url(), more);
    }

    @Test
    void shouldSayOneDifferenceAndHideValuesUnlessAsked() {
        // when
        Run run = dimmerDiff("--table", "public.orders", "--target-table", "public.orders_v2");
        // then
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("public.orders -> public.orders_v2: 1 difference (200 source rows")
                .contains("id=12 [amount]").doesNotContain("99.5");
    }

    @Test
    void canShowTheDifferingValuesOfChangedRows() throws Exception {
        // when
        Run human = dimmerDiff("--table", "public.orders", "--target-table", "public.orders_v2", "--show-values");
        Run json = dimmerDiff("--table", "public.orders", "--target-table", "public.orders_v2", "--show-values",
                "--json");
        // then
        assertThat(human.out()).contains("id=12 [amount: '3' -> '99.5']");
        JsonNode changed = new ObjectMapper().readTree(json.out()).get("changed").get(0);
        assertThat(changed.get("values").toString())
                .isEqualTo("{\"amount\":{\"source\":\"3\",\"target\":\"99.5\"}}");
    }

    @Test
    void cannotDiffByARepeatedKeyAndNamesTheRepeatedValues() {
        // when
        Run run = dimmerDiff("--table", "public.orders", "--target-table", "public.orders_v2", "--key", "customer");
        // then
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("the key (customer) does not identify one row")
                .contains("customer=0 (40 rows)").contains("the source's primary key is id");
    }

    @Test
    void shouldSuggestTargetTableWhenTheTargetLacksTheTable() {
        try (TestDatabase empty = TestPostgres.newDatabase()) {
            // when
            Run run = between(pg.url(), empty.url(), "--table", "public.orders");
            Run named = between(pg.url(), empty.url(), "--table", "public.orders", "--target-table", "public.o2");
            // then
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").contains("public.orders was not found on the target")
                    .endsWith("if it has another name there, give it with --target-table");
            assertThat(named.err()).contains("public.o2").doesNotContain("--target-table");
        }
    }

    @Test
    void shouldSuggestTheJdbcUrlsDimmerOpens() {
        // when
        String host = pg.url().replaceFirst("^jdbc:postgresql:", "");
        Run mysql = between(pg.url(), "jdbc:mysql://127.0.0.1:3306/shop", "--table", "public.orders");
        // (without a password variable: the test database's password is "postgres", which errors would hide)
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new DiffCommand(name -> null));
        command.setErr(new PrintWriter(err));
        Run postgres = new Run(command.execute("--source", "postgres:" + host, "--target", pg.url(), "--table",
                "public.orders"), "", err.toString());
        // then
        assertThat(mysql.exit()).isEqualTo(2);
        assertThat(mysql.err().strip()).doesNotContain("\n")
                .contains("the target URL jdbc:mysql://127.0.0.1:3306/shop is not one Dimmer can open")
                .contains("write jdbc:mariadb://127.0.0.1:3306/shop");
        assertThat(postgres.exit()).isEqualTo(2);
        assertThat(postgres.err()).contains("write jdbc:postgresql:" + host.replaceAll("[?;].*$", ""));
    }
}
