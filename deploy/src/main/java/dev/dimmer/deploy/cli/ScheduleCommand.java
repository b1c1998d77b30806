package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** What the scheduler will do for a migration, soonest first, in the plan's time zone. */
@Command(name = "schedule", description = "List what is due for a migration: recurring validations, holds ending, "
        + "go/no-go reviews, reminders, digests; when (in the plan's time zone) and why")
final class ScheduleCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Override
    void run(ApiClient client) {
        JsonNode schedule = client.get("/api/migrations/" + Paths.segment(migration) + "/schedule");
        if (options.json) {
            printJson(schedule);
            return;
        }
        if (schedule.path("jobs").isEmpty()) {
            out().println("nothing is due for " + migration + " (no wave is in a phase that runs validations, "
                    + "holds or reviews)");
            return;
        }
        TextTable table = new TextTable("KIND", "WAVE", "VALIDATION", "NEXT FIRE", "RULE");
        for (JsonNode job : schedule.path("jobs")) {
            table.row(job.path("kind").asText(), job.path("wave").asText(""), job.path("validation").asText(""),
                    job.path("next_fire").isNull() ? "-" : job.path("next_fire").asText(), job.path("rule").asText());
        }
        out().println("Times in " + schedule.path("time_zone").asText());
        out().print(table.render(""));
    }
}
