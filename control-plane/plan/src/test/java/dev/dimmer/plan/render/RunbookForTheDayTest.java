package dev.dimmer.plan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.ExamplePlans;
import dev.dimmer.plan.PlanLoader;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The runbook as a lead reads it on the day: contents first, the window in words, checklist before reference. */
class RunbookForTheDayTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    private static MigrationPlan example(String file) {
        return new PlanLoader().load(file, ExamplePlans.text(file)).plan();
    }

    @Test
    void shouldOpenTheHtmlRunbookWithItsContents() {
        String html = new RunbookRenderer().render(example("onprem-postgres-to-managed.yaml"), "html", NOW);

        assertThat(html).contains("<nav>\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#section-1\">Scope and owners</a></li>")
                .contains("<section id=\"section-3\">\n<h2>Go/no-go checklist</h2>");
        assertThat(html.indexOf("<nav>")).isLessThan(html.indexOf("<section"));
    }

    @Test
    void shouldPutTheChecklistAndTheWayBackBeforeTheInventory() {
        String markdown = new RunbookRenderer().render(example("onprem-postgres-to-managed.yaml"), "md", NOW);

        int checklist = markdown.indexOf("## Go/no-go checklist");
        int rollback = markdown.indexOf("## Rollback runbook");
        int inventory = markdown.indexOf("## Inventory");
        assertThat(checklist).isPositive().isLessThan(rollback);
        assertThat(rollback).isLessThan(inventory);
        assertThat(markdown.indexOf("### Datasets")).isGreaterThan(inventory);
    }

    @Test
    void shouldSayTheCutoverWindowInWordsWithItsNextOpenings() {
        String markdown = new RunbookRenderer().render(example("onprem-postgres-to-managed.yaml"), "md", NOW);

        assertThat(markdown).contains("Opens on Tuesdays and Wednesdays at 22:00 (Europe/Berlin) for 3h from "
                        + "2027-01-11 until 2027-03-31.")
                .contains("Next openings: Tue 12 Jan 2027, 22:00; Wed 13 Jan 2027, 22:00; Tue 19 Jan 2027, 22:00; "
                        + "Wed 20 Jan 2027, 22:00.")
                .doesNotContain("0 0 22 ? * TUE,WED");
    }

    @Test
    void shouldWriteCountsAndListsAsSentences() {
        String markdown = new RunbookRenderer().render(example("onprem-postgres-to-managed.yaml"), "md", NOW);

        assertThat(markdown).contains("- [ ] 1 go vote from a lead", "- [ ] 2 go votes from approvers",
                "Before starting: confirm wave customers is on track.").doesNotContain("vote(s)");
    }
}
