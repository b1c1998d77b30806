package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.lint.LintFinding;
import dev.dimmer.plan.lint.LintReport;
import dev.dimmer.plan.lint.PlanLinter;
import dev.dimmer.plan.render.RunbookRenderer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example plan loads, lints exactly as its header says, survives an event round trip and renders. */
class ExamplePlansTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Pattern EXPECTED_FINDING = Pattern.compile("(?m)^# lint: expect (\\S+)$");
    private static final PlanLoader LOADER = new PlanLoader();
    // the default mapper, as an event serializer without plan-specific settings would use it
    private static final ObjectMapper EVENTS = new ObjectMapper();

    static Stream<Path> examples() {
        return ExamplePlans.all().stream();
    }

    @Test
    void shouldShipTheThreeWorkedExamplesAndTheThreeExercises() {
        assertThat(ExamplePlans.all()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "onprem-postgres-to-managed.yaml", "cron-etl-to-orchestrator.yaml", "redshift-to-snowflake.yaml",
                "critical-etl-to-new-orchestrator.yaml", "wide-table-to-star-schema.yaml", "feature-store-to-kv.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void canLoadLintRegisterAndRenderExample(Path example) throws Exception {
        String name = example.getFileName().toString();
        String text = ExamplePlans.text(name);

        LoadedPlan loaded = LOADER.read(name, text);
        LintReport report = new PlanLinter().lint(loaded, TODAY);
        MigrationPlan registered = EVENTS.readValue(EVENTS.writeValueAsString(loaded.plan()), MigrationPlan.class);
        String markdown = new RunbookRenderer().render(registered, "md");
        String html = new RunbookRenderer().render(registered, "html");

        assertThat(loaded.problems()).isEmpty();
        assertThat(report.findings()).extracting(LintFinding::ruleId).containsExactlyInAnyOrderElementsOf(expectedFindings(text));
        assertThat(registered).isEqualTo(loaded.plan());
        assertThat(markdown).startsWith("# Runbook: " + registered.title())
                .contains("## Phase-by-phase steps", "## Go/no-go checklist", "## Rollback runbook",
                        "## Communication schedule", "## Risk checklist");
        registered.waves().forEach(w -> assertThat(markdown).contains("### Wave " + w.name()));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Rollback runbook</h2>").endsWith("</html>\n");
    }

    @Test
    void shouldGiveTheDemoPlanTwoDependentWavesWithCanarySteps() {
        MigrationPlan demo = LOADER.load("demo", ExamplePlans.text("onprem-postgres-to-managed.yaml")).plan();

        assertThat(demo.slug()).isEqualTo("onprem-postgres-to-managed");
        assertThat(demo.waves()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(demo.waves()).anySatisfy(w -> assertThat(w.dependsOn()).isNotEmpty());
        assertThat(demo.waves()).allSatisfy(w -> assertThat(w.canarySteps()).isNotEmpty());
    }

    private static List<String> expectedFindings(String text) {
        Matcher matcher = EXPECTED_FINDING.matcher(text);
        List<String> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
