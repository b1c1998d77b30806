package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanLoaderTest {
    private static final PlanLoader LOADER = new PlanLoader();

    private static final String VALID = """
            slug: orders-to-managed-pg
            title: Orders database to managed PostgreSQL
            owners:
              - {id: U01LEAD, name: Ana Lima, role: lead}
              - {id: U02APPR, name: Bo Chen, role: approver}
            waves:
              - name: customers
                canary_steps: [10, 50]
              - name: orders
                depends_on: [customers]
                canary_steps: [5, 25, 50]
            """;

    @Test
    void canLoadMinimalPlan() {
        PlanLoadResult result = LOADER.load("plan.yaml", VALID);

        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.plan()).isEqualTo(new MigrationPlan("orders-to-managed-pg", "Orders database to managed PostgreSQL",
                List.of(new Owner("U01LEAD", "Ana Lima", Role.LEAD), new Owner("U02APPR", "Bo Chen", Role.APPROVER)),
                List.of(new WavePlan("customers", List.of(), List.of(10, 50)),
                        new WavePlan("orders", List.of("customers"), List.of(5, 25, 50)))));
    }

    @Test
    void canLoadTheSamePlanWrittenAsJson() {
        String json = """
                {"slug": "orders-to-managed-pg", "title": "Orders",
                 "owners": [{"id": "U01LEAD", "name": "Ana Lima", "role": "lead"}],
                 "waves": [{"name": "orders"}]}
                """;

        PlanLoadResult result = LOADER.load("plan.json", json);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().wave("orders").orElseThrow().canarySteps()).isEqualTo(WavePlan.DEFAULT_CANARY_STEPS);
    }

    @Test
    void shouldNameFileLineColumnAndPathOfUnknownDependency() {
        String text = VALID.replace("depends_on: [customers]", "depends_on: [custmers]");

        PlanLoadResult result = LOADER.load("plan.yaml", text);

        assertThat(result.valid()).isFalse();
        assertThat(result.plan()).isNull();
        assertThat(result.rendered()).containsExactly(
                "plan.yaml:10:18: waves[1].depends_on: unknown wave 'custmers'; expected one of: customers");
    }

    @Test
    void shouldReportManyProblemsAtOnceInFileOrder() {
        String text = """
                slug: Orders_PG
                owners:
                  - {id: U01, name: Ana, role: boss}
                waves:
                  - name: orders
                    canary_steps: [50, 10]
                    dependson: [customers]
                """;

        PlanLoadResult result = LOADER.load("plan.yaml", text);

        assertThat(result.rendered()).containsExactly(
                "plan.yaml:1:1: slug: 'Orders_PG' is not valid; expected lowercase letters, digits and hyphens, starting with a letter, e.g. orders-to-managed-pg",
                "plan.yaml:1:1: title: missing required field; expected a one-line title, e.g. Orders database to managed PostgreSQL",
                "plan.yaml:3:26: owners[0].role: 'boss' is not allowed; expected one of: lead, approver, operator, viewer, auditor",
                "plan.yaml:6:24: waves[0].canary_steps: step 10 does not rise above 50; expected strictly increasing percentages from 1 to 99, e.g. 10, 50",
                "plan.yaml:7:5: waves[0].dependson: unknown field (did you mean 'depends_on'?); expected one of: name, description, datasets, depends_on, switch, shadow, canary_steps, hold, stabilization, auto_advance");
    }

    @Test
    void cannotLoadPlanWithDependencyCycle() {
        String text = """
                slug: cyclic
                title: Cyclic
                owners: [{id: U01, name: Ana, role: lead}]
                waves:
                  - {name: a, depends_on: [c]}
                  - {name: b, depends_on: [a]}
                  - {name: c, depends_on: [b]}
                """;

        PlanLoadResult result = LOADER.load("cyclic.yaml", text);

        assertThat(result.rendered()).containsExactly(
                "cyclic.yaml:5:15: waves[0].depends_on: dependency cycle a → c → b → a; remove one depends_on entry so the waves can be ordered");
    }

    @Test
    void cannotLoadBrokenYamlAndSaysWhere() {
        String text = "slug: broken\ntitle: [unclosed\nowners: []\n";

        PlanLoadResult result = LOADER.load("broken.yaml", text);

        assertThat(result.plan()).isNull();
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).render()).startsWith("broken.yaml:").contains("not valid YAML or JSON");
    }

    @Test
    void cannotLoadEmptyText() {
        PlanLoadResult result = LOADER.load("empty.yaml", "  \n");

        assertThat(result.rendered()).containsExactly(
                "empty.yaml:1:1: the plan is empty; expected a mapping with slug, title, owners and waves");
    }

    @Test
    void shouldNameWrongTypeAndWhatWasExpected() {
        String text = VALID.replace("canary_steps: [10, 50]", "canary_steps: ten");

        PlanLoadResult result = LOADER.load("plan.yaml", text);

        assertThat(result.rendered()).containsExactly(
                "plan.yaml:8:5: waves[0].canary_steps: found text 'ten'; expected a list of read percentages, whole numbers from 1 to 99, strictly increasing, e.g. [10, 50]");
    }

    @Test
    void shouldReportDuplicateKeyAndDuplicateWave() {
        String text = VALID + "  - name: orders\ntitle: again\n";

        PlanLoadResult result = LOADER.load("plan.yaml", text);

        assertThat(result.rendered()).containsExactly(
                "plan.yaml:12:5: waves[2].name: duplicate wave name 'orders' (also waves[1]); give each wave its own name",
                "plan.yaml:13:1: title: duplicate field; each field may appear once in a mapping, keep one 'title'");
    }

    @Test
    void canBeSharedAcrossThreads() {
        List<String> texts = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> VALID.replace("orders-to-managed-pg", "plan-" + i)).toList();

        List<String> slugs = texts.parallelStream().map(t -> LOADER.load("plan.yaml", t).plan().slug()).toList();

        assertThat(slugs).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "plan-" + i).toList());
    }
}
