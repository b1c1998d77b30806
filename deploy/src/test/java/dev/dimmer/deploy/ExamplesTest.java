package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.PlanLoadResult;
import dev.dimmer.plan.PlanLoader;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example plan loads, registers as a migration whose status board shows its waves, and renders a runbook. */
class ExamplesTest {
    @Test
    void shouldRegisterAndRenderEveryExample() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).hasSize(6);
        try (TestDatabase database = TestPostgres.newDatabase();
             RunningControlPlane server = RunningControlPlane.on(database)) {
            for (Path example : examples) {
                String text = Files.readString(example);
                PlanLoadResult loaded = new PlanLoader().load(example.toString(), text);
                assertThat(loaded.valid()).as(example + ": " + loaded.problems()).isTrue();
                MigrationPlan plan = loaded.plan();

                Answer registered = server.postYaml("/api/migrations", LEAD, text);
                assertThat(registered.status()).as(example + " " + registered.body()).isEqualTo(201);
                JsonNode status = server.get("/api/migrations/" + plan.slug(), LEAD).body();
                assertThat(status.path("waves")).hasSize(plan.waves().size());
                assertThat(status.path("waves").get(0).path("name").asText()).isEqualTo(plan.waves().get(0).name());

                java.io.StringWriter out = new java.io.StringWriter();
                int exit = new picocli.CommandLine(new dev.dimmer.deploy.plan.PlanCommand())
                        .setOut(new java.io.PrintWriter(out))
                        .execute("render", example.toString(), "--format", "md");
                assertThat(exit).isZero();
                assertThat(out.toString()).startsWith("# Runbook: " + plan.title());
            }
        }
    }
}
