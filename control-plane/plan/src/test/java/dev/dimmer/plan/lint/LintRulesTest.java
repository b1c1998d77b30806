package dev.dimmer.plan.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule against a plan that breaks it (the clean plan with one edit) and against the clean plan. */
class LintRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final PlanLoader LOADER = new PlanLoader();
    private static final PlanLinter LINTER = new PlanLinter();
    private static final String CLEAN = resource("/plans/lint/clean.yaml");
    private static final String MINIMAL = """
            slug: minimal
            title: Minimal plan
            owners: [{id: U01, name: Ana, role: lead}]
            waves: [{name: everything, canary_steps: [50]}]
            """;

    /** Rule id → edits (regex, replacement) that turn the clean plan into one that breaks only that rule's policy. */
    private static final Map<String, List<Edit>> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put("big-bang-no-routing-switch", List.of(
                edit("    switch: customers-read-path\n", ""),
                edit("switch: customers-read-path, to: source", "switch: orders-read-path, to: source")));
        TRIGGERS.put("big-bang-no-shadow", List.of(edit("    shadow: 2d\n", "")));
        TRIGGERS.put("big-bang-single-wave", List.of(
                edit("(?s)  - name: orders\n    description: orders and order lines.*?    hold: 24h\n", ""),
                edit("switch: orders-read-path, to: source, waves: \\[orders\\]", "switch: customers-read-path, to: source"),
                edit("datasets: \\[customers, addresses\\]", "datasets: [customers, addresses, orders, order_lines]")));
        TRIGGERS.put("validation-missing", List.of(edit("(?s)\nvalidations:\n.*?\n\nwindows:", "\nwindows:")));
        TRIGGERS.put("validation-row-count-only", List.of(
                edit("kind: checksum", "kind: row_count"), edit("kind: aggregate", "kind: row_count")));
        TRIGGERS.put("freshness-without-column", List.of(edit(", column: updated_at, max_lag", ", max_lag")));
        TRIGGERS.put("inventory-missing", List.of(edit("\\A(?s:.*)\\z", MINIMAL.replace("$", "\\$"))));
        TRIGGERS.put("consumers-not-inventoried", List.of(edit("    - \\{name: [a-z-]+, kind: (bi_extract|ml_feature|adhoc_job).*\n", "")));
        TRIGGERS.put("consumer-without-owner", List.of(edit("kind: service, owner: team-checkout, ", "kind: service, ")));
        TRIGGERS.put("dataset-without-owner", List.of(edit("(?s)(name: customers\n.*?)      owner: team-accounts\n", "$1")));
        TRIGGERS.put("dataset-without-sla", List.of(edit("(?s)(name: customers\n.*?)      sla: \\{[^}]*}\n", "$1")));
        TRIGGERS.put("rollback-missing", List.of(edit("(?s)  actions:\n.*?\n\nreadiness:", "\nreadiness:")));
        TRIGGERS.put("rollback-not-reversible", List.of(edit("reverse_sync: dual_writes", "reverse_sync: none")));
        TRIGGERS.put("rollback-over-5-minutes", List.of(edit("orders-write-target/source, estimate: 30s", "orders-write-target/source, estimate: 6m")));
        TRIGGERS.put("rollback-not-estimated", List.of(edit(", estimate: 10s}", "}")));
        TRIGGERS.put("rollback-not-rehearsed", List.of(edit("    rehearsed_rollback: true\n", "")));
        TRIGGERS.put("rollback-rehearsal-declared", List.of(edit("  # rehearsals count when measured .*\n",
                "  rehearsal: {date: 2026-11-17, environment: staging, took: 2m}\n")));
        TRIGGERS.put("retention-missing", List.of(edit("  retention: 7d\n", "")));
        TRIGGERS.put("downtime-budget-missing", List.of(edit("  downtime_budget: 2m\n", "")));
        TRIGGERS.put("data-delay-tolerance-missing", List.of(edit("  data_delay_tolerance: 30s\n", "")));
        TRIGGERS.put("communication-missing", List.of(edit("  channel: \"#orders-pg-migration\"\n", "")));
        TRIGGERS.put("communication-cadence-missing", List.of(edit(", cutover: 1h", "")));
        TRIGGERS.put("go-no-go-review-late", List.of(edit("go_no_go_review: 24h", "go_no_go_review: 4h")));
        TRIGGERS.put("go-no-go-gate-missing", List.of(edit("    before: cutover", "    before: canary")));
        TRIGGERS.put("readiness-incomplete", List.of(edit("  on_call: .*\n", "")));
        TRIGGERS.put("window-missing", List.of(edit("(?s)  cutover:\n    cron.*?until: 2027-03-31\n", "")));
        TRIGGERS.put("window-in-freeze", List.of(edit("    from: 2027-01-11\n", "    from: 2026-12-20\n")));
    }

    static Stream<Arguments> triggers() {
        return TRIGGERS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void shouldFireRuleOnPlanThatBreaksIt(String ruleId, List<Edit> edits) {
        String text = CLEAN;
        for (Edit edit : edits) {
            String changed = text.replaceAll(edit.regex(), edit.replacement());
            assertThat(changed).as("edit %s applies", edit.regex()).isNotEqualTo(text);
            text = changed;
        }

        LintReport report = lint(text);

        assertThat(report.findings()).extracting(LintFinding::ruleId).contains(ruleId);
    }

    @Test
    void shouldFindNothingInCleanPlan() {
        LintReport report = lint(CLEAN);

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldHaveTriggeringPlanForEveryRule() {
        List<String> ids = LintRules.ALL.stream().map(LintRule::id).toList();

        assertThat(TRIGGERS.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+"));
    }

    @Test
    void shouldDocumentEveryRuleWithItsSeverityAndFix() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/lint-rules.md"), StandardCharsets.UTF_8);

        assertThat(LintRules.ALL).allSatisfy(rule -> assertThat(doc).contains(
                "| `" + rule.id() + "` | " + rule.severity().label() + " | " + rule.summary() + " | " + rule.fix() + " |"));
    }

    @Test
    void shouldMeasureRollbackTimePerWave() {
        String slowOrders = CLEAN.replace("switch: orders-read-path, to: source, waves: [orders], estimate: 10s}",
                "switch: orders-read-path, to: source, waves: [orders], estimate: 5m}");

        LintReport report = lint(slowOrders);

        assertThat(report.findings()).extracting(f -> f.problem().message())
                .containsExactly("rolling back wave orders takes an estimated 5m40s, over 5m");
    }

    @Test
    void shouldPointFindingAtTheFieldAndSayHowToFix() {
        LintReport report = lint(CLEAN.replace("go_no_go_review: 24h", "go_no_go_review: 4h"));

        assertThat(report.findings()).extracting(LintFinding::render).containsExactly(
                "clean.yaml:174:3: communication.go_no_go_review: the go/no-go review is only 4h before cutover; "
                        + "set communication.go_no_go_review: 24h (or more) so criteria are reviewed a day before cutover "
                        + "[warning go-no-go-review-late]");
    }

    private static LintReport lint(String text) {
        LoadedPlan loaded = LOADER.read("clean.yaml", text);
        assertThat(loaded.problems()).as("the edited plan still loads").isEmpty();
        return LINTER.lint(loaded, TODAY);
    }

    private static Edit edit(String regex, String replacement) {
        return new Edit(regex, replacement);
    }

    /** One change to the clean plan's text. */
    record Edit(String regex, String replacement) {
        @Override
        public String toString() {
            return regex;
        }
    }

    static String resource(String name) {
        try (InputStream in = LintRulesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
