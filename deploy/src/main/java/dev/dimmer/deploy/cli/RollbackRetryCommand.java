package dev.dimmer.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "retry", description = "Resume the wave's stalled runbook at the step that failed; the steps that "
        + "succeeded are not run again")
final class RollbackRetryCommand extends WaveActionCommand {
    @Override
    String action() {
        return "rollback/retry";
    }

    @Override
    void run(dev.dimmer.deploy.client.ApiClient client) {
        var answer = client.post("/api/migrations/" + Paths.segment(migration) + "/waves/" + Paths.segment(wave)
                + "/rollback/retry", body());
        if (options.json) {
            printJson(answer);
            return;
        }
        out().println("Runbook of " + migration + "/" + wave + " resumes at the step that failed; follow it with "
                + "dimmer status " + migration);
    }
}
