package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The validation report: per wave, the latest result of every validation with its age and figures; with
 * {@code --runs}, the history of runs. Exit 0 when every validation's latest result passed, 1 when any failed,
 * errored or never ran.
 */
@Command(name = "report", description = "Show the validation report: per wave the latest result of each "
        + "validation (exit 0 all passed, 1 otherwise)")
final class ReportCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Option(names = "--wave", paramLabel = "WAVE", description = "Only this wave")
    String wave;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), md or html")
    String format = "text";

    @Option(names = "--runs", description = "List the runs, newest first, with each result")
    boolean runs;

    @Option(names = "--limit", paramLabel = "N", description = "With --runs: at most N runs (default 20)")
    int limit = 20;

    @Override
    void run(ApiClient client) {
        String base = "/api/migrations/" + Paths.segment(migration) + "/validations";
        String query = wave == null ? "" : "wave=" + Paths.segment(wave);
        if (runs) {
            JsonNode history = client.get(base + "/runs?limit=" + Math.max(1, limit) + (query.isEmpty() ? ""
                    : "&" + query));
            if (options.json) {
                printJson(history);
            } else {
                out().print(ReportText.runs(history));
            }
            return;
        }
        JsonNode report = client.get(base + (query.isEmpty() ? "" : "?" + query));
        if (options.json) {
            printJson(report);
        } else {
            out().print(switch (format) {
                case "md" -> ReportText.markdown(report);
                case "html" -> ReportText.html(report);
                case "text" -> ReportText.text(report);
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--format takes text, md or html, not '" + format + "'");
            });
        }
        exit = ReportText.allPassed(report) ? 0 : 1;
    }
}
