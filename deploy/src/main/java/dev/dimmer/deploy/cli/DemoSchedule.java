package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduler's part of the demo: what is due for the migration now (as {@code dimmer schedule} prints it), and
 * the validation runs the scheduler started by itself during the walk-through (the demo runs the metric check every
 * 10s), as the audit trail has them.
 */
final class DemoSchedule {
    static final String METRIC_EVERY = "10s";

    private DemoSchedule() {
    }

    /** The demo plan with the metric check every 10s, so that scheduled runs happen while the demo walks. */
    static String everyTenSeconds(String plan) {
        return plan.replaceFirst("(?m)^(\\s+)every: 1m$", "$1every: " + METRIC_EVERY);
    }

    /**
     * What the scheduler will say about the ballots of the wave's go/no-go just passed: when each expires and what
     * the go/no-go would have then (the jobs are derived a moment after the votes; the demo waits a second at most).
     */
    static void expiringVotes(ApiClient client, PrintWriter out, String id, String wave) {
        for (int i = 0; i < 20; i++) {
            boolean found = false;
            for (JsonNode job : client.get("/api/migrations/" + Paths.segment(id) + "/schedule").path("jobs")) {
                String kind = job.path("kind").asText();
                if (wave.equals(job.path("wave").asText()) && kind.startsWith("vote-expire")) {
                    out.printf("  %-14s %-9s %s at %s: %s%n", wave, "schedule", kind, job.path("next_fire").asText(),
                            job.path("rule").asText());
                    found = true;
                }
            }
            if (found) {
                out.flush();
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void show(ApiClient client, PrintWriter out, String id) {
        JsonNode schedule = client.get("/api/migrations/" + Paths.segment(id) + "/schedule");
        out.println();
        out.println("Schedule (dimmer schedule " + id + "), times in " + schedule.path("time_zone").asText() + ":");
        TextTable table = new TextTable("KIND", "WAVE", "VALIDATION", "NEXT FIRE", "RULE");
        schedule.path("jobs").forEach(job -> table.row(job.path("kind").asText(), job.path("wave").asText(""),
                job.path("validation").asText(""), job.path("next_fire").asText("-"), job.path("rule").asText()));
        out.print(table.render("  "));
        Map<String, Integer> runs = new TreeMap<>();
        for (JsonNode entry : client.get("/api/migrations/" + Paths.segment(id) + "/audit").path("entries")) {
            if (entry.path("type").asText().equals("ValidationRunRequestedEvent")
                    && entry.path("channel").asText().equals("scheduler")) {
                runs.merge(entry.path("wave").asText(), 1, Integer::sum);
            }
        }
        runs.forEach((wave, count) -> out.printf("  the scheduler ran %s's validations %d times by itself during the "
                + "walk-through (the metric check every %s)%n", wave, count, METRIC_EVERY));
        out.flush();
    }
}
