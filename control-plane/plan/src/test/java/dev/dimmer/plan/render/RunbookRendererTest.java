package dev.dimmer.plan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.ExamplePlans;
import dev.dimmer.plan.PlanLoader;
import org.junit.jupiter.api.Test;

class RunbookRendererTest {
    private static final PlanLoader LOADER = new PlanLoader();
    private static final RunbookRenderer RENDERER = new RunbookRenderer();
    private static final String THIN = """
            slug: thin
            title: "Orders <script>alert(1)</script> & co"
            owners: [{id: U01, name: Ana, role: lead}]
            waves:
              - {name: orders, depends_on: [customers], switch: orders-read, canary_steps: [5, 50]}
              - {name: customers, switch: customers-read}
            """;

    @Test
    void shouldListWavesInDependencyOrderWithEveryCanaryStep() {
        String markdown = RENDERER.render(plan(THIN), "md");

        assertThat(markdown).contains("Wave order: customers → orders.");
        assertThat(markdown.indexOf("### Wave customers")).isLessThan(markdown.indexOf("### Wave orders"));
        assertThat(markdown).contains("CANARY 5%: set switch orders-read to 5% of reads on target",
                "CANARY 50%: set switch orders-read to 50% of reads on target",
                "CANARY 10%: set switch customers-read to 10% of reads on target");
    }

    @Test
    void shouldTickOnlyWhatThePlanShows() {
        String thin = RENDERER.render(plan(THIN), "md");
        String full = RENDERER.render(plan(ExamplePlans.text("onprem-postgres-to-managed.yaml")), "md");

        assertThat(thin).contains("- [ ] Data loss prevented (CDC or dual writes: no; backups verified: no)",
                "- [ ] Rollback rehearsed in a lower environment", "No rollback actions are defined.",
                "The plan defines no gates: there are no written go/no-go criteria.");
        assertThat(full).contains("- [x] Data loss prevented (CDC or dual writes: yes; backups verified: yes)",
                "- [x] Integrity validated (row counts: yes; hashes: yes; primary key uniqueness: yes)",
                "- [x] Rollback runs in under 5 minutes (estimated 51s)");
    }

    @Test
    void shouldTickEachGateValidationByItsLatestRecordedResult() {
        // given results recorded by a control plane: one passed, one failed, one never run
        java.time.Instant now = java.time.Instant.parse("2026-12-07T12:00:00Z");
        RecordedEvidence evidence = new RecordedEvidence("http://127.0.0.1:8420 for migration shop", now,
                java.util.Map.of(
                        "orders-checksum", new RecordedEvidence.Result("failed", now.minusSeconds(12 * 60),
                                "orders-checksum: 3 rows differ"),
                        "orders-fresh", new RecordedEvidence.Result("passed", now.minusSeconds(3 * 3600), "ok")));

        // when the runbook is rendered with them
        String markdown = RENDERER.render(plan(ExamplePlans.text("onprem-postgres-to-managed.yaml")), "md",
                evidence);

        // then each gate validation says where it stands, and only the pass is ticked
        assertThat(markdown).contains("Validation results as recorded by http://127.0.0.1:8420 for migration shop "
                + "at 2026-12-07T12:00:00Z");
        assertThat(markdown).containsPattern("- \\[x\\] Validation orders-fresh passed: .* — latest: passed 3 h ago");
        assertThat(markdown).containsPattern(
                "- \\[ \\] Validation orders-checksum passed: .* — latest: failed 12 min ago: orders-checksum: 3 rows differ");
        assertThat(markdown).containsPattern("- \\[ \\] Validation checkout-error-rate passed: .* — latest: no result yet");
        // and without evidence the boxes are left for the lead, as before
        assertThat(RENDERER.render(plan(ExamplePlans.text("onprem-postgres-to-managed.yaml")), "md"))
                .doesNotContain("latest:").doesNotContain("[x] Validation");
    }

    @Test
    void shouldListMetricQueriesAndWhatGuardsDoInTheGoNoGoChecklist() {
        String markdown = RENDERER.render(plan(ExamplePlans.text("onprem-postgres-to-managed.yaml")), "md");

        assertThat(markdown).contains("Validation checkout-error-rate passed: Prometheus query "
                        + "sum(rate(http_server_requests_seconds_count{service=\"checkout\",status=~\"5..\"}[5m])) / "
                        + "sum(rate(http_server_requests_seconds_count{service=\"checkout\"}[5m])) is at most 0.01 "
                        + "(no data never passes); guard: a failure while reads are on the target rolls the wave back; "
                        + "3 errored runs in a row roll the wave back",
                "Validation orders-checksum passed: checksums of orders over order_id, status, total_amount, "
                        + "updated_at agree within 0%; guard: a failure while reads are on the target rolls the wave back",
                "Validation orders-fresh passed: the target's orders.updated_at trails the source by at most 30s");
    }

    @Test
    void shouldWriteRollbackActionsInOrderWithTheirSql() {
        String markdown = RENDERER.render(plan(ExamplePlans.text("wide-table-to-star-schema.yaml")), "md");

        int first = markdown.indexOf("Step 1: point the compatibility view back at the legacy table");
        int second = markdown.indexOf("Step 2: resume the legacy refresh — run on connection source (about 5s):");
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(markdown).contains("```\nUPDATE etl.jobs SET enabled = true WHERE name = 'orders-wide-refresh'\n```");
    }

    @Test
    void shouldEscapePlanTextInHtmlAndMarkdown() {
        String html = RENDERER.render(plan(THIN), "html");
        String markdown = RENDERER.render(plan(THIN), "md");

        assertThat(html).contains("<title>Runbook: Orders &lt;script&gt;alert(1)&lt;/script&gt; &amp; co (thin)</title>")
                .doesNotContain("<script>");
        assertThat(markdown).doesNotContain("<script>");
    }

    @Test
    void canRenderPlanWithOnlyTheRequiredFields() {
        MigrationPlan minimal = plan("slug: m\ntitle: M\nowners: [{id: U1, name: A, role: lead}]\nwaves: [{name: w}]\n");

        String markdown = RENDERER.render(minimal, "md");
        String html = RENDERER.render(minimal, "html");

        assertThat(markdown).contains("Objective: not written.", "### Wave w", "CANARY 10%", "CANARY 50%",
                "No rollback actions are defined.");
        assertThat(html).contains("<h3>Wave w</h3>");
    }

    @Test
    void cannotRenderUnknownFormat() {
        MigrationPlan plan = plan(THIN);

        assertThatThrownBy(() -> RENDERER.render(plan, "pdf"))
                .hasMessage("unknown format 'pdf'; expected one of md, html");
    }

    private static MigrationPlan plan(String text) {
        MigrationPlan plan = LOADER.load("plan.yaml", text).plan();
        assertThat(plan).as("the test plan loads").isNotNull();
        return plan;
    }
}
