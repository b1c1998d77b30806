package dev.dimmer.deploy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final String DEMO = EXAMPLES.resolve("onprem-postgres-to-managed.yaml").toString();
    private static final String WITH_WARNING = EXAMPLES.resolve("critical-etl-to-new-orchestrator.yaml").toString();
    private static final String TODAY = "--today=2026-11-24";
    private static final String MINIMAL = """
            slug: minimal
            title: Minimal plan
            owners: [{id: U01, name: Ana, role: lead}]
            waves: [{name: everything}]
            """;

    @TempDir
    Path dir;

    @Test
    void canLintCleanPlanAndExitZero() {
        Run run = run("lint", DEMO, TODAY);

        assertThat(run.code).isZero();
        // a rehearsal the plan declares is only a note: it does not fail the lint
        assertThat(run.out).endsWith(DEMO + ": 0 error(s), 0 warning(s), 1 note(s)\n")
                .contains("[note rollback-rehearsal-declared]");
    }

    @Test
    void shouldExitOneWhenFindingsReachFailOn() {
        Run byDefault = run("lint", WITH_WARNING, TODAY);
        Run strict = run("lint", WITH_WARNING, TODAY, "--fail-on", "warning");

        assertThat(byDefault.code).isZero();
        assertThat(strict.code).isEqualTo(1);
        assertThat(strict.out).contains("[warning rollback-not-rehearsed]").endsWith("0 error(s), 1 warning(s), 0 note(s)\n");
    }

    @Test
    void shouldExitOneOnErrorFindingsOfAThinPlan() throws Exception {
        Path plan = write("thin.yaml", MINIMAL);

        Run run = run("lint", plan.toString(), TODAY);

        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains(plan + ":4:9: waves[0]: wave 'everything' has no routing switch, so all reads move at once; "
                + "name the switch consumers read (switch: orders-read-path) so canary steps and rollback can move reads "
                + "[error big-bang-no-routing-switch]");
    }

    @Test
    void shouldReportInvalidPlanAsErrorsAndExitOne() throws Exception {
        Path plan = write("invalid.yaml", MINIMAL.replace("role: lead", "role: boss"));

        Run run = run("lint", plan.toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).startsWith(plan + ":3:31: owners[0].role: 'boss' is not allowed; expected one of: lead, approver, "
                + "operator, viewer, auditor; see docs/plan-format.md [error plan-invalid]");
    }

    @Test
    void shouldExitTwoOnUnreadableInput() throws Exception {
        Path broken = write("broken.yaml", "slug: [unclosed\n");

        Run missing = run("lint", dir.resolve("nope.yaml").toString());
        Run notYaml = run("lint", broken.toString());
        Run badOption = run("lint", DEMO, "--fail-on", "sometimes");

        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).isEqualTo(dir.resolve("nope.yaml") + ": no such file; give the path of a plan YAML or JSON file\n");
        assertThat(notYaml.code).isEqualTo(2);
        assertThat(notYaml.out).contains("not valid YAML or JSON");
        assertThat(badOption.code).isEqualTo(2);
        assertThat(badOption.err).contains("unknown severity 'sometimes'; expected one of error, warning, note");
    }

    @Test
    void canWriteFindingsAsJson() throws Exception {
        Run run = run("lint", WITH_WARNING, TODAY, "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out);
        assertThat(run.code).isZero();
        assertThat(json.path("source").asText()).isEqualTo(WITH_WARNING);
        assertThat(json.path("findings")).hasSize(1);
        JsonNode finding = json.path("findings").get(0);
        assertThat(finding.path("rule").asText()).isEqualTo("rollback-not-rehearsed");
        assertThat(finding.path("severity").asText()).isEqualTo("warning");
        assertThat(finding.path("line").asInt()).isPositive();
        assertThat(finding.path("path").asText()).isEqualTo("rollback");
        assertThat(finding.path("fix").asText()).startsWith("add rehearsed_rollback: true to the cutover gate");
        assertThat(json.path("summary").path("warning").asInt()).isEqualTo(1);
    }

    @Test
    void canWriteFindingsAsSarif() throws Exception {
        Run run = run("lint", WITH_WARNING, TODAY, "--format", "sarif");

        JsonNode sarif = new ObjectMapper().readTree(run.out);
        JsonNode runNode = sarif.path("runs").get(0);
        JsonNode result = runNode.path("results").get(0);
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(runNode.path("tool").path("driver").path("rules")).hasSize(27);
        assertThat(result.path("ruleId").asText()).isEqualTo("rollback-not-rehearsed");
        assertThat(result.path("level").asText()).isEqualTo("warning");
        assertThat(runNode.path("tool").path("driver").path("rules").get(result.path("ruleIndex").asInt()).path("id").asText())
                .isEqualTo("rollback-not-rehearsed");
        JsonNode physical = result.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo(WITH_WARNING);
        assertThat(physical.path("region").path("startLine").asInt()).isPositive();
    }

    @Test
    void canRenderRunbookAsMarkdownAndHtml() throws Exception {
        Path html = dir.resolve("runbook.html");

        Run markdown = run("render", DEMO);
        Run toFile = run("render", DEMO, "--format", "html", "-o", html.toString());

        assertThat(markdown.code).isZero();
        assertThat(markdown.out).startsWith("# Runbook: Orders platform from on-prem PostgreSQL to managed PostgreSQL")
                .contains("## Go/no-go checklist", "- [ ] 2 go votes from approvers", "## Rollback runbook",
                        "Step 1 (wave orders): send reads back to the on-prem cluster — flip switch orders-read-path to source (about 10s)",
                        "- [x] Rollback rehearsed in a lower environment");
        assertThat(toFile.code).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<input type=\"checkbox\" checked>");
    }

    @Test
    void cannotRenderInvalidPlanOrUnknownFormat() throws Exception {
        Path plan = write("invalid.yaml", MINIMAL.replace("waves: [{name: everything}]", "waves: []"));

        Run invalid = run("render", plan.toString());
        Run unknownFormat = run("render", DEMO, "--format", "pdf");

        assertThat(invalid.code).isEqualTo(1);
        assertThat(invalid.err).isEqualTo(plan + ":4:1: waves: the list is empty; expected a list of waves, each "
                + "{name, depends_on, canary_steps, ...}\n");
        assertThat(unknownFormat.code).isEqualTo(2);
        assertThat(unknownFormat.err).isEqualTo("unknown format 'pdf'; expected one of md, html\n");
    }

    @Test
    void canDiffTwoRevisions() throws Exception {
        Path before = write("before.yaml", MINIMAL);
        Path after = write("after.yaml", MINIMAL.replace("{name: everything}", "{name: everything, canary_steps: [5, 25, 50]}, {name: billing}"));

        Run changed = run("diff", before.toString(), after.toString());
        Run same = run("diff", before.toString(), before.toString());

        assertThat(changed.code).isEqualTo(1);
        assertThat(changed.out).isEqualTo("wave everything: canary steps 10, 50 → 5, 25, 50\nwave billing added\n");
        assertThat(same.code).isZero();
        assertThat(same.out).isEqualTo("no changes\n");
    }

    @Test
    void canPrintTheSchema() throws Exception {
        Run run = run("schema");

        assertThat(run.code).isZero();
        assertThat(new ObjectMapper().readTree(run.out).path("title").asText()).isEqualTo("Dimmer migration plan");
    }

    @Test
    void shouldShowUsageWithoutSubcommand() {
        Run run = run();

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("Usage: plan", "lint", "render", "diff", "schema");
    }

    @Test
    void cannotReadAPlanThatIsNotUtf8AndSaysAtWhichByte() throws Exception {
        // given a Latin-1 é on line 2, column 11
        byte[] text = "slug: cafe\ntitle: Caf\u00e9 X\n".getBytes(StandardCharsets.ISO_8859_1);
        Path plan = Files.write(dir.resolve("latin1.yaml"), text);
        String expected = plan + ":2:11: invalid UTF-8 at byte 21 (line 2, column 11): 0xE9 is not a UTF-8 character; "
                + "save the plan as UTF-8\n";

        for (String[] args : List.of(new String[] {"lint", plan.toString()}, new String[] {"render", plan.toString()},
                new String[] {"diff", plan.toString(), DEMO})) {
            // when
            Run run = run(args);
            // then
            assertThat(run.code).as(args[0]).isEqualTo(2);
            assertThat(run.err).as(args[0]).isEqualTo(expected);
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new PlanCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
