package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dimmer validate MIGRATION WAVE} against a server: asks for a run of the wave's validations and, with
 * {@code --wait}, follows it until every result is recorded. Exit 0 when every check passed, 1 when any failed or
 * errored (or, without --wait, once the run is accepted: 0).
 */
final class ServerValidation {
    private static final Duration POLL = Duration.ofMillis(200);

    private ServerValidation() {
    }

    /** What to print and the exit code. */
    record Answer(JsonNode json, String text, int exit) {
    }

    static Answer run(ApiClient client, String migration, String wave, List<String> only, String reason,
                      boolean wait, Duration timeout) {
        return run(client, migration, wave, only, reason, wait, timeout, POLL);
    }

    /** As above, looking for the run's end every {@code poll} (the bench looks more often). */
    static Answer run(ApiClient client, String migration, String wave, List<String> only, String reason,
                      boolean wait, Duration timeout, Duration poll) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason == null || reason.isBlank() ? "validation run from the command line" : reason);
        if (!only.isEmpty()) {
            body.put("only", only);
        }
        JsonNode accepted = client.post("/api/migrations/" + Paths.segment(migration) + "/waves/"
                + Paths.segment(wave) + "/validations", body);
        String runId = accepted.path("run_id").asText();
        if (!wait) {
            return new Answer(accepted, "validation run " + runId + " of wave " + wave + " started: "
                    + accepted.path("validations").size() + " check(s); follow it with dimmer report " + migration
                    + " --runs, or ask again with --wait\n", 0);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run;
        while (true) {
            // the server holds the answer until the run is complete (up to 30 s a question); a server that does not
            // know wait= answers at once, and the loop below asks again after the poll interval
            long left = Math.max(1, Math.min(30, (deadline - System.nanoTime()) / 1_000_000_000L));
            long asked = System.nanoTime();
            run = client.get("/api/migrations/" + Paths.segment(migration) + "/validations/runs/"
                    + Paths.segment(runId) + "?wait=" + left).path("runs").path(0);
            boolean complete = run.hasNonNull("completed_at")
                    || run.path("results").size() >= accepted.path("validations").size();
            if (complete) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(2, "validation run " + runId + " did not finish within "
                        + timeout.toSeconds() + " s; it goes on: follow it with dimmer report " + migration
                        + " --runs", null);
            }
            if (System.nanoTime() - asked >= poll.toNanos()) {
                continue;
            }
            try {
                Thread.sleep(Math.max(1, poll.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(2, "interrupted while waiting for validation run " + runId, null);
            }
        }
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        report.put("migration", migration);
        report.put("run_id", runId);
        ObjectNode waveNode = report.putArray("waves").addObject();
        waveNode.put("name", wave);
        ArrayNode validations = waveNode.putArray("validations");
        boolean allPassed = true;
        for (JsonNode result : run.path("results")) {
            validations.add(result);
            allPassed &= "passed".equals(result.path("status").asText());
        }
        return new Answer(report, ReportText.text(report) + "run " + runId + ": "
                + (allPassed ? "every check passed" : "not every check passed") + "\n", allPassed ? 0 : 1);
    }
}
