package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that need no server start without the server's frameworks: not one Axon or Micronaut class is
 * loaded. The test's class path holds both, as the executable's does, so this is what a user's start-up pays.
 */
class LocalCommandsTest {
    private static final String PLAN = "../examples/onprem-postgres-to-managed.yaml";

    @TempDir
    Path temp;

    @Test
    void shouldLintAPlanWithoutLoadingAxonOrMicronaut() throws IOException {
        assertLoadsNoFramework(0, "plan", "lint", PLAN);
    }

    @Test
    void shouldRenderAPlanWithoutLoadingAxonOrMicronaut() throws IOException {
        assertLoadsNoFramework(0, "plan", "render", PLAN, "--format", "html", "-o", temp.resolve("r.html").toString());
    }

    @Test
    void shouldDiffTwoPlansWithoutLoadingAxonOrMicronaut() throws IOException {
        assertLoadsNoFramework(0, "plan", "diff", PLAN, PLAN);
    }

    @Test
    void shouldShowDiffHelpWithoutLoadingAxonOrMicronaut() throws IOException {
        assertLoadsNoFramework(0, "diff", "--help");
    }

    @Test
    void shouldDiffTwoTablesWithoutLoadingAxonOrMicronaut() throws Exception {
        try (TestDatabase pg = TestPostgres.newDatabase()) {
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(10,2))");
                s.execute("INSERT INTO orders SELECT i, i / 4.0 FROM generate_series(1, 100) i");
                s.execute("CREATE TABLE orders_copy AS SELECT * FROM orders");
            }
            assertLoadsNoFramework(Map.of("DIMMER_PW", pg.password()), 0, "diff", "--source", pg.url(),
                    "--target", pg.url(), "--table", "public.orders", "--target-table", "public.orders_copy",
                    "--key", "id", "--source-user", pg.user(), "--source-password-env", "DIMMER_PW",
                    "--target-user", pg.user(), "--target-password-env", "DIMMER_PW");
        }
    }

    @Test
    void shouldValidateAWaveFromAPlanWithoutLoadingAxonOrMicronaut() throws Exception {
        try (TestDatabase source = TestPostgres.newDatabase(); TestDatabase target = TestPostgres.newDatabase()) {
            for (TestDatabase database : List.of(source, target)) {
                try (Connection c = database.connect(); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(10,2))");
                    s.execute("INSERT INTO orders SELECT i, i / 4.0 FROM generate_series(1, 100) i");
                }
            }
            Path plan = temp.resolve("plan.yaml");
            Files.writeString(plan, """
                    slug: shop-move
                    title: Shop to the new cluster
                    owners: [{id: U1, name: Ana, role: lead}]
                    inventory: {datasets: [{name: orders, table: public.orders, key_columns: [id]}]}
                    connections:
                      source: {jdbc_url: '%s', user: %s, password: '${env:SOURCE_PW}'}
                      target: {jdbc_url: '%s', user: %s, password: '${env:TARGET_PW}'}
                    waves: [{name: orders, datasets: [orders]}]
                    validations:
                      - {name: orders-row-count, kind: row_count, dataset: orders}
                      - {name: orders-checksum, kind: checksum, dataset: orders}
                    """.formatted(source.url(), source.user(), target.url(), target.user()));
            assertLoadsNoFramework(Map.of("SOURCE_PW", source.password(), "TARGET_PW", target.password()), 0,
                    "validate", "--plan", plan.toString(), "--wave", "orders");
        }
    }

    private void assertLoadsNoFramework(int exitCode, String... args) throws IOException {
        assertLoadsNoFramework(Map.of(), exitCode, args);
    }

    private void assertLoadsNoFramework(Map<String, String> env, int exitCode, String... args) throws IOException {
        Path loaded = temp.resolve("classes.log");
        Map<String, String> environment = new HashMap<>(env);
        environment.put("DIMMER_HOME", temp.resolve("home").toString());
        // given, when
        CliProcess.Result run = CliProcess.run(List.of("-Xlog:class+load=info:file=" + loaded), environment, args);
        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        List<String> lines = Files.readAllLines(loaded, StandardCharsets.UTF_8);
        assertThat(lines).as("classes loaded").anyMatch(l -> l.contains(" dev.dimmer.deploy.Dimmer "));
        assertThat(lines).as("Axon or Micronaut classes loaded by dimmer " + String.join(" ", args))
                .noneMatch(l -> l.contains(" org.axonframework.") || l.contains(" io.micronaut."));
    }
}
