package dev.dimmer.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dimmer validate --plan}: a wave's validations run locally against real databases, as people call it. */
class ValidateCommandTest {
    private static TestDatabase source;
    private static TestDatabase target;
    @TempDir
    static Path temp;
    private static Path plan;

    @BeforeAll
    static void createDatabasesAndPlan() throws Exception {
        source = TestPostgres.newDatabase();
        target = TestPostgres.newDatabase();
        for (TestDatabase database : new TestDatabase[] {source, target}) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(10,2))");
                s.execute("INSERT INTO orders SELECT i, i / 4.0 FROM generate_series(1, 500) i");
                s.execute("CREATE TABLE customers (id bigint PRIMARY KEY, email text)");
                s.execute("INSERT INTO customers SELECT i, 'c' || i FROM generate_series(1, 50) i");
            }
        }
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE customers SET email = 'changed' WHERE id = 7");
        }
        plan = temp.resolve("plan.yaml");
        Files.writeString(plan, planText(source, target));
    }

    static String planText(TestDatabase source, TestDatabase target) {
        return """
                slug: shop-move
                title: Shop to the new cluster
                owners: [{id: U1, name: Ana, role: lead}]
                inventory:
                  datasets:
                    - {name: orders, table: public.orders, key_columns: [id]}
                    - {name: customers, table: public.customers, key_columns: [id]}
                connections:
                  source: {jdbc_url: '%s', user: %s, password: '${env:SOURCE_PW}'}
                  target: {jdbc_url: '%s', user: %s, password: '${env:TARGET_PW}'}
                waves:
                  - {name: orders, datasets: [orders]}
                  - {name: customers, datasets: [customers]}
                validations:
                  - {name: orders-row-count, kind: row_count, dataset: orders, tolerance: 0%%}
                  - {name: orders-checksum, kind: checksum, dataset: orders, guard: true}
                  - {name: customers-checksum, kind: checksum, dataset: customers, hash_keys: true}
                  - {name: customers-row-count, kind: row_count, dataset: customers}
                """.formatted(source.url(), source.user(), target.url(), target.user());
    }

    @AfterAll
    static void dropDatabases() {
        source.close();
        target.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run validate(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ValidateCommand(environment::get));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run validate(String... args) {
        return validate(Map.of("SOURCE_PW", source.password(), "TARGET_PW", target.password()), args);
    }

    @Test
    void shouldExitZeroWhenEveryValidationOfTheWavePasses() throws Exception {
        // when
        Run run = validate("--plan", plan.toString(), "--wave", "orders", "--json");
        // then
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("migration").asText()).isEqualTo("shop-move");
        JsonNode validations = json.path("waves").path(0).path("validations");
        assertThat(json.path("waves").path(0).path("name").asText()).isEqualTo("orders");
        assertThat(validations).hasSize(2);
        JsonNode first = validations.path(0);
        assertThat(first.path("name").asText()).isEqualTo("orders-row-count");
        assertThat(first.path("kind").asText()).isEqualTo("row_count");
        assertThat(first.path("status").asText()).isEqualTo("passed");
        assertThat(first.path("run_id").isNull()).isTrue();
        assertThat(first.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(first.path("figures").path("source_rows").asLong()).isEqualTo(500);
        assertThat(first.path("differences").isObject()).isTrue();
        assertThat(validations.path(1).path("figures").path("missing").asInt()).isZero();
    }

    @Test
    void shouldExitOneAndShowTheFailureInTheTable() {
        // when
        Run run = validate("--plan", plan.toString(), "--wave", "customers");
        // then
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("shop-move / wave customers")
                .containsPattern("customers-checksum +checksum +✗ failed +1 row differs \\(0 missing, 0 extra, 1 changed\\) of 50")
                .containsPattern("customers-row-count +row_count +✓ passed +50 rows on the target")
                .contains("1 passed, 1 failed");
    }

    @Test
    void canRunOnlyTheNamedValidations() throws Exception {
        // when
        Run run = validate("--plan", plan.toString(), "--wave", "customers", "--only", "customers-row-count",
                "--json");
        // then
        assertThat(run.exit()).isZero();
        JsonNode validations = new ObjectMapper().readTree(run.out()).path("waves").path(0).path("validations");
        assertThat(validations).hasSize(1);
        assertThat(validations.path(0).path("name").asText()).isEqualTo("customers-row-count");
    }

    @Test
    void shouldExitOneWhenAValidationErrors() throws Exception {
        // when the target's password variable is not set
        Run run = validate(Map.of("SOURCE_PW", source.password()), "--plan", plan.toString(), "--wave", "orders",
                "--json");
        // then
        assertThat(run.exit()).isEqualTo(1);
        JsonNode first = new ObjectMapper().readTree(run.out()).path("waves").path(0).path("validations").path(0);
        assertThat(first.path("status").asText()).isEqualTo("errored");
        assertThat(first.path("summary").asText()).contains("environment variable TARGET_PW is not set");
    }

    @Test
    void cannotRunAnUnknownWaveOrValidation() {
        // when
        Run wave = validate("--plan", plan.toString(), "--wave", "order");
        Run only = validate("--plan", plan.toString(), "--wave", "orders", "--only", "orders-sum");
        Run missingWave = validate("--plan", plan.toString());
        // then
        assertThat(wave.exit()).isEqualTo(2);
        assertThat(wave.err()).contains("unknown wave 'order'").contains("expected one of: orders, customers");
        assertThat(only.exit()).isEqualTo(2);
        assertThat(only.err()).contains("--only orders-sum: no such validation");
        assertThat(missingWave.exit()).isEqualTo(2);
        assertThat(missingWave.err()).contains("--plan needs --wave W");
        assertThat(wave.out() + only.out()).isEmpty();
    }

    @Test
    void cannotRunFromAnUnreadableOrInvalidPlan() throws Exception {
        // given
        Path invalid = temp.resolve("invalid.yaml");
        Files.writeString(invalid, "slug: x\ntitle: X\nowners: [{id: U1, name: A, role: lead}]\nwaves: [{name: w}]\n"
                + "validations:\n  - {name: m, kind: metric, query: up, max: 1}\n");
        // when
        Run missing = validate("--plan", temp.resolve("nope.yaml").toString(), "--wave", "w");
        Run bad = validate("--plan", invalid.toString(), "--wave", "w");
        // then
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid.yaml:6:").contains("needs a Prometheus to ask");
    }

    @Test
    void shouldSayWhatItNeedsWhenTheServerIsAwayOrTheArgumentsAreIncomplete() {
        // when
        Run run = validate("--server", "http://127.0.0.1:9", "shop-move", "orders");
        Run neither = validate();
        // then
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").doesNotContain("Exception");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("give MIGRATION WAVE to run on a server, or --plan FILE --wave W");
    }
}
