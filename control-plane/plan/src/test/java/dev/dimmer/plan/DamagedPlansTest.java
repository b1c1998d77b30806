package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dimmer.plan.lint.PlanLinter;
import dev.dimmer.plan.render.RunbookRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Plans damaged at random (lines dropped, text cut short, values swapped) always give problems or a plan, never an
 * exception: users see messages, never a stack trace. The seed is fixed so a failure replays.
 */
class DamagedPlansTest {
    private static final PlanLoader LOADER = new PlanLoader();
    private static final List<String> REPLACEMENTS = List.of("", "null", "[]", "{}", "0", "-1", "x", "[1, 2]", "true", "'${env:X}'");

    @Test
    void shouldAnswerEveryDamagedPlanWithProblemsOrAPlan() {
        Random random = new Random(20261124L);
        List<String> examples = ExamplePlans.all().stream().map(p -> ExamplePlans.text(p.getFileName().toString())).toList();
        int answered = 0;
        for (int i = 0; i < 300; i++) {
            String damaged = damage(examples.get(i % examples.size()), random);

            assertThatCode(() -> lintAndRender(damaged)).as("damaged plan #%d:%n%s", i, damaged).doesNotThrowAnyException();
            answered++;
        }
        assertThat(answered).isEqualTo(300);
    }

    private static void lintAndRender(String text) {
        LoadedPlan loaded = LOADER.read("damaged.yaml", text);
        assertThat(loaded.plan() == null).isEqualTo(!loaded.problems().isEmpty());
        loaded.problems().forEach(p -> assertThat(p.render()).startsWith("damaged.yaml"));
        if (loaded.plan() != null) {
            new PlanLinter().lint(loaded, LocalDate.of(2026, 11, 24));
            new RunbookRenderer().render(loaded.plan(), "md");
            new RunbookRenderer().render(loaded.plan(), "html");
        }
    }

    private static String damage(String text, Random random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    lines.remove(random.nextInt(lines.size()));
                }
            }
            case 1 -> {
                return text.substring(0, random.nextInt(text.length()));
            }
            default -> {
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    lines.set(at, line.substring(0, colon + 2) + REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
