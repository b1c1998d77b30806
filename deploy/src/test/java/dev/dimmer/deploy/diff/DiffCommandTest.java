package dev.dimmer.deploy.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DiffCommandTest {
    private static TestDatabase pg;

    @BeforeAll
    static void createTables() throws Exception {
        pg = TestPostgres.newDatabase();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, name text, amount numeric(10,2))");
            s.execute("INSERT INTO orders SELECT i, 'n' || i, i / 4.0 FROM generate_series(1, 3000) i");
            s.execute("CREATE TABLE orders_copy AS SELECT * FROM orders");
            s.execute("CREATE TABLE orders_changed AS SELECT * FROM orders");
            s.execute("DELETE FROM orders_changed WHERE id = 17");
            s.execute("UPDATE orders_changed SET amount = 0 WHERE id = 2500");
            s.execute("INSERT INTO orders_changed VALUES (3001, 'late', 1)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run dimmerDiff(String... args) {
        return dimmerDiff(Map.of("DIMMER_PW", pg.password()), args);
    }

    private static Run dimmerDiff(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new DiffCommand(environment::get));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] against(String targetTable, String... more) {
        String[] base = {"--source", pg.url(), "--target", pg.url(), "--table", "public.orders", "--target-table",
            "public." + targetTable, "--key", "id", "--source-user", pg.user(), "--source-password-env", "DIMMER_PW",
            "--target-user", pg.user(), "--target-password-env", "DIMMER_PW"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void shouldExitZeroAndSayEqualForIdenticalTables() {
        // when
        Run run = dimmerDiff(against("orders_copy"));
        // then
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("equal").contains("3,000 source rows");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldPrintDifferencesAsJsonAndExitOne() throws Exception {
        // when
        Run run = dimmerDiff(against("orders_changed", "--json"));
        // then
        assertThat(run.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("equal").asBoolean()).isFalse();
        assertThat(json.get("rows").get("source").asLong()).isEqualTo(3000);
        assertThat(json.get("rows").get("target").asLong()).isEqualTo(3000);
        assertThat(json.get("missing_in_target").toString()).isEqualTo("[{\"id\":17}]");
        assertThat(json.get("extra_in_target").toString()).isEqualTo("[{\"id\":3001}]");
        assertThat(json.get("changed").toString()).isEqualTo("[{\"key\":{\"id\":2500},\"columns\":[\"amount\"]}]");
        assertThat(json.get("timings").get("total_ms").isNumber()).isTrue();
    }

    @Test
    void shouldListDifferencesInTheHumanSummary() {
        // when
        Run run = dimmerDiff(against("orders_changed"));
        // then
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("3 differences").contains("missing in target:").contains("id=17")
                .contains("id=2500 [amount]");
    }

    @Test
    void shouldDocumentEnvironmentReferencesAndExitCodesInHelp() {
        // when
        Run run = dimmerDiff("--help");
        // then
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("${env:NAME}").contains("1   differences found");
    }

    @Test
    void cannotDiffAMissingTableAndSaysWhichInOneLine() {
        // when
        Run run = dimmerDiff(against("no_such_table"));
        // then
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("no_such_table").contains("target");
    }

    @Test
    void cannotConnectWithoutThePasswordVariableAndNeverPrintsSecrets() {
        // when
        Run run = dimmerDiff("--source", pg.url() + "?password=s3cret", "--target", pg.url(), "--table",
                "public.orders", "--source-password-env", "NOT_SET_ANYWHERE");
        // then
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("NOT_SET_ANYWHERE").doesNotContain("s3cret");
    }

    @Test
    void canDiffPostgresAgainstMariaDbFromTheCommandLine() throws Exception {
        String server = System.getenv("DIMMER_TEST_MARIADB_URL");
        if (server == null || server.isBlank()) {
            String reason = "MariaDB test skipped: DIMMER_TEST_MARIADB_URL is not set";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        // given the orders table copied to MariaDB with one row changed
        String name = "dimmer_cli_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String maria = server.replaceFirst("/\\?", "/" + name + "?").replaceFirst("/$", "/" + name);
        try {
            try (Connection c = DriverManager.getConnection(maria); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, name VARCHAR(20), amount DECIMAL(10,2))");
                s.execute("INSERT INTO orders SELECT seq, CONCAT('n', seq), seq / 4 FROM seq_1_to_3000");
                s.execute("UPDATE orders SET name = 'renamed' WHERE id = 1234");
            }
            // when
            Run run = dimmerDiff("--source", pg.url(), "--source-user", pg.user(), "--source-password-env",
                    "DIMMER_PW", "--target", maria, "--table", "public.orders", "--target-table", name + ".orders",
                    "--json");
            // then
            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("changed").toString()).isEqualTo("[{\"key\":{\"id\":1234},\"columns\":[\"name\"]}]");
            assertThat(json.get("hash").asText()).isEqualTo("canonical_md5");
        } finally {
            try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void cannotChangeTheSourceThroughTheWhereFilter() throws Exception {
        // given
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE IF NOT EXISTS orders_probe");
        }
        // when
        Run run = dimmerDiff(against("orders_copy", "--where", "nextval('orders_probe') > 0"));
        // then
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("dimmer diff: ")
                .contains("refused to change data").contains("must not write");
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            var sequence = s.executeQuery("SELECT is_called FROM orders_probe");
            sequence.next();
            assertThat(sequence.getBoolean(1)).as("sequence advanced").isFalse();
        }
    }

    @Test
    void shouldShowTheReferenceNotTheSecretWhenTheDatabaseRepeatsIt() {
        // given a user name read from the environment that the server does not know
        String secret = "svc-k3y-4f9e1c";
        // when
        Run run = dimmerDiff(Map.of("DIMMER_PW", pg.password(), "TARGET_USER", secret), "--source", pg.url(),
                "--target", pg.url(), "--table", "public.orders", "--key", "id", "--source-user", pg.user(),
                "--source-password-env", "DIMMER_PW", "--target-user", "${env:TARGET_USER}",
                "--target-password-env", "DIMMER_PW");
        // then
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("${env:TARGET_USER}").doesNotContain(secret);
    }
}
