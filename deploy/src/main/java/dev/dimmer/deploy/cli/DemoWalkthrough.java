package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.plan.PlanLoadResult;
import dev.dimmer.plan.PlanLoader;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's story, told through the real HTTP API: register the plan, bring the first wave up step by step, dim
 * it back down once, bring it up again to cutover and decommission, show a dependent wave refused and then let
 * through, and print the status board and the audit trail.
 */
final class DemoWalkthrough {
    private final ApiClient client;
    private final List<ApiClient> approvers;
    private final PrintWriter out;
    private final Map<String, String> states = new LinkedHashMap<>();
    private final DemoDatabases data;

    DemoWalkthrough(ApiClient client, List<ApiClient> approvers, PrintWriter out, DemoDatabases data) {
        this.client = client;
        this.approvers = approvers;
        this.out = out;
        this.data = data;
    }

    /** Tells the story and answers the migration's id and the wave that was walked. */
    String[] run(String examplePlan) {
        // the example's connections and webhooks name hosts that do not exist here, so no rehearsal could pass:
        // the demo's copy of its cutover gate does not ask for one (its rollback steps run, and stall, for real)
        String planText = DemoSchedule.everyTenSeconds(DemoTimes.relativeTo(examplePlan.replace(
                "rehearsed_rollback: true", "rehearsed_rollback: false"),
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"))));
        PlanLoadResult loaded = new PlanLoader().load(DemoCommand.PLAN, planText);
        if (!loaded.valid()) {
            throw new ApiException(2, "the demo plan is invalid: " + loaded.problems().get(0).render(), null);
        }
        MigrationPlan plan = loaded.plan();
        String id = plan.slug();
        client.postText("/api/migrations", planText, "application/yaml",
                Map.of("X-Dimmer-Source", DemoCommand.PLAN, "X-Dimmer-Reason", "demo: plan reviewed"));
        out.println("Registered migration " + id + ": " + plan.title());
        out.println("(its deploy tool is played by the demo too; its cutover gate asks for no measured rehearsal here, "
                + "since the plan's staging hosts do not exist; try dimmer rehearse --dry-run on your own plan)");
        plan.waves().forEach(w -> states.put(w.name(), "PLANNED"));
        WavePlan first = plan.waves().stream().filter(w -> w.dependsOn().isEmpty()).findFirst()
                .orElse(plan.waves().get(0));
        WavePlan dependent = plan.waves().stream().filter(w -> w.dependsOn().contains(first.name())).findFirst()
                .orElse(null);
        out.println();
        out.println("Transitions:");
        step(id, first, "advance", "snapshot restored on the target");
        step(id, first, "advance", "backfill verified; shadow reads start");
        data.onTarget("UPDATE orders.order_header SET status = 'lost' WHERE order_id = 1042",
                "DELETE FROM orders.order_header WHERE order_id = 2077",
                "UPDATE orders.order_header SET total_amount = total_amount + 100 WHERE order_id = 3001");
        note("replication missed three order changes on the target; nobody has noticed yet");
        validate(id, first);
        attempt(id, first, "advance", "shadow looks fine to me");
        data.onTarget("UPDATE orders.order_header SET status = (ARRAY['open','paid','shipped'])[1 + order_id % 3] "
                        + "WHERE order_id = 1042",
                "INSERT INTO orders.order_header SELECT g, 1 + g % 2000, (ARRAY['open','paid','shipped'])[1 + g % 3], "
                        + "round((g % 97) * 3.25 + 10, 2), DATE '2026-11-01' + g % 30, "
                        + "TIMESTAMPTZ '2026-12-01 00:00:00+00' + g * INTERVAL '10 seconds' "
                        + "FROM generate_series(2077, 2077) g",
                "UPDATE orders.order_header SET total_amount = total_amount - 100 WHERE order_id = 3001");
        note("the replication job re-copies the three orders");
        validate(id, first);
        goNoGo(id, first);
        step(id, first, "advance", "evidence green: every check the gate names passed");
        data.onTarget("UPDATE customers.customer SET email = NULL WHERE customer_id = 77");
        note("a bad write on the target blanks a customer's email while 10% of reads are served there");
        validate(id, first);
        JsonNode rolledBack = client.get("/api/migrations/" + Paths.segment(id)).path("waves").get(0);
        states.put(first.name(), rolledBack.path("phase").asText());
        out.printf("  %-14s %-9s now %s, by %s: the guard failed, so Dimmer dimmed it back by itself%n",
                first.name(), "guard", rolledBack.path("phase").asText(), rolledBack.path("by").asText());
        runbookOf(id, first);
        data.onTarget("UPDATE customers.customer SET email = 'c77@example.com' WHERE customer_id = 77");
        note("the bad write is repaired");
        validate(id, first);
        note("the rollback voided the lead's sign-off on canary: a new one is needed");
        goNoGo(id, first);
        step(id, first, "advance", "evidence green again; retrying canary");
        readSwitch(first);
        raiseToLastStep(id, first);
        if (dependent != null) {
            bringToLastCanaryStep(id, dependent);
            attempt(id, dependent, "cutover", "try to cut over before " + first.name() + " is stable");
            validate(id, dependent);
        }
        goNoGo(id, first);
        cutoverRetriedSafely(id, first, "canary error rate 0.00% for 2h; go/no-go passed");
        step(id, first, "advance", "all consumers read the target; entering stabilization");
        if (dependent != null) {
            goNoGo(id, dependent);
            DemoSchedule.expiringVotes(client, out, id, dependent.name());
            step(client, id, dependent, "cutover", Map.of("reason", first.name() + " is stable; the same "
                    + "exception to the window", "override", List.of("window")));
        }
        step(id, first, "advance", "stable for the retention window; old system retired");
        DemoSchedule.show(client, out, id);
        out.println();
        out.println("Status:");
        JsonNode status = client.get("/api/migrations/" + Paths.segment(id));
        TextTable table = new TextTable("WAVE", "PHASE", ">WEIGHT", "SINCE", "BY");
        status.path("waves").forEach(w -> table.row(w.path("name").asText(), w.path("phase").asText(),
                w.path("weight").asInt() + "%", Describe.time(w.path("since").asText()), w.path("by").asText()));
        out.print(table.render("  "));
        out.println();
        out.println("Validation report:");
        out.print(ReportText.text(client.get("/api/migrations/" + Paths.segment(id) + "/validations"))
                .replaceAll("(?m)^", "  "));
        out.println();
        out.println("Audit trail:");
        out.print(AuditTable.of(client.get("/api/migrations/" + Paths.segment(id) + "/audit").path("entries"))
                .render("  "));
        JsonNode verified = client.get("/api/audit/verify");
        out.printf("%nAudit verified: %d events, %d checkpoints, %s%n", verified.path("events").asLong(),
                verified.path("checkpoints").asLong(), verified.path("intact").asBoolean() ? "intact" : "TAMPERED");
        JsonNode newest = client.get("/api/audit/checkpoints?limit=1").path("checkpoints").path(0);
        if (newest.isObject()) {
            out.printf("Newest signed checkpoint: tree size %d, root %s (dimmer audit checkpoints lists them; "
                    + "dimmer audit prove --consistency FROM TO proves two consistent)%n",
                    newest.path("tree_size").asLong(), newest.path("root_hash").asText());
        }
        return new String[]{id, dependent == null ? first.name() : dependent.name()};
    }

    /** Runs the wave's validations through the control plane and prints each result as it came out. */
    private void validate(String id, WavePlan wave) {
        ServerValidation.Answer answer = ServerValidation.run(client, id, wave.name(), List.of(),
                "demo: check the copy", true, java.time.Duration.ofMinutes(2));
        JsonNode results = answer.json().path("waves").path(0).path("validations");
        out.printf("  %-14s %-9s run %s: %d checks%n", wave.name(), "validate", answer.json().path("run_id").asText(),
                results.size());
        for (JsonNode result : results) {
            out.printf("  %-14s %-9s   %s %s%n", "", "", ReportText.mark(result.path("status").asText()),
                    result.path("summary").asText());
        }
        out.flush();
    }

    /** Waits (a few seconds at most) for the wave's runbook to end and prints it step by step, timed. */
    private void runbookOf(String id, WavePlan wave) {
        JsonNode runbook = null;
        for (int i = 0; i < 100; i++) {
            for (JsonNode w : client.get("/api/migrations/" + Paths.segment(id)).path("waves")) {
                if (w.path("name").asText().equals(wave.name())) {
                    runbook = w.path("runbook");
                }
            }
            if (runbook != null && runbook.isObject() && !"running".equals(runbook.path("state").asText())) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (runbook != null && runbook.isObject()) {
            java.io.StringWriter text = new java.io.StringWriter();
            StatusCommand.printRunbook(new PrintWriter(text), wave.name(), runbook);
            out.print(text.toString().replaceAll("(?m)^  ", "                           "));
            out.flush();
        }
    }

    private void note(String what) {
        out.printf("  %-14s %-9s (%s)%n", "", "", what);
        out.flush();
    }

    /** Opens the wave's go/no-go on its next decided step; the lead, then approvers, vote until it passes. */
    private void goNoGo(String id, WavePlan wave) {
        String path = "/api/migrations/" + Paths.segment(id) + "/waves/" + Paths.segment(wave.name());
        JsonNode opened = client.post(path + "/gonogo", Map.of("reason", "go/no-go review"));
        out.printf("  %-14s %-9s opened on the %s: needs %s%n", wave.name(), "gonogo",
                opened.path("decides").asText("cutover"), opened.path("quorum").asText());
        List<ApiClient> voters = new java.util.ArrayList<>(List.of(client));
        voters.addAll(approvers);
        for (ApiClient voter : voters) {
            JsonNode vote = voter.post(path + "/votes", Map.of("vote", "approve", "comment", "evidence reviewed"));
            JsonNode ballots = vote.path("ballots");
            String who = ballots.isEmpty() ? "" : ballots.get(ballots.size() - 1).path("voter_name").asText(
                    ballots.get(ballots.size() - 1).path("voterName").asText());
            out.printf("  %-14s %-9s %s: approve -> go/no-go %s%n", wave.name(), "vote", who,
                    vote.path("passed").asBoolean() ? "passed" : "pending");
            if (vote.path("passed").asBoolean()) {
                break;
            }
        }
        out.flush();
    }

    private void raiseToLastStep(String id, WavePlan wave) {
        for (int i = 1; i < wave.canarySteps().size(); i++) {
            step(id, wave, "advance", "canary at " + wave.canarySteps().get(i - 1) + "% clean; next step");
        }
    }

    private void bringToLastCanaryStep(String id, WavePlan wave) {
        step(id, wave, "advance", "backfill started");
        step(id, wave, "advance", "backfill verified");
        goNoGo(id, wave);
        step(id, wave, "advance", "shadow reads clean");
        raiseToLastStep(id, wave);
    }

    /**
     * A cutover whose answer is lost on the way back: the client sends it again with the same Idempotency-Key and
     * gets the first outcome, and the log holds one cutover.
     */
    private void cutoverRetriedSafely(String id, WavePlan wave, String reason) {
        String action = "cutover";
        attempt(id, wave, action, reason);
        Map<String, Object> body = Map.of("reason", reason + "; not waiting for the window", "override",
                List.of("window"));
        ApiClient keyed = client.withIdempotencyKey("demo-" + action + "-" + wave.name());
        step(keyed, id, wave, action, body);
        out.printf("  %-14s %-9s the lead overrode the window with a reason; the audit trail keeps both%n",
                wave.name(), action);
        String path = "/api/migrations/" + Paths.segment(id) + "/waves/" + Paths.segment(wave.name()) + "/" + action;
        keyed.post(path, body);
        JsonNode trail = client.get("/api/migrations/" + Paths.segment(id) + "/audit").path("entries");
        long times = 0;
        for (JsonNode entry : trail) {
            if (entry.path("type").asText().equals("CutoverStartedEvent") && entry.path("wave").asText()
                    .equals(wave.name())) {
                times++;
            }
        }
        out.printf("  %-14s %-9s sent again with the same Idempotency-Key (as after a lost answer): %s%n",
                wave.name(), action, times == 1 ? "answered with the first outcome; the log holds it once"
                        : "acted " + times + " times");
        out.flush();
    }

    private void step(String id, WavePlan wave, String action, String reason) {
        step(client, id, wave, action, reason);
    }

    private void step(ApiClient sender, String id, WavePlan wave, String action, String reason) {
        step(sender, id, wave, action, Map.of("reason", reason));
    }

    private void step(ApiClient sender, String id, WavePlan wave, String action, Map<String, Object> body) {
        String reason = String.valueOf(body.get("reason"));
        String path = "/api/migrations/" + Paths.segment(id) + "/waves/" + Paths.segment(wave.name()) + "/" + action;
        JsonNode state = null;
        for (int tries = 1; state == null; tries++) {
            try {
                state = sender.post(path, body);
            } catch (ApiException refused) {
                long wait = DemoTimes.holdMillis(refused);
                if (wait == 0 || tries == 5) {
                    throw refused;
                }
                if (tries == 1) {
                    out.printf("  %-14s %-9s held: %s; waiting it out%n", wave.name(), action, refused.getMessage()
                            .replace(" (a lead may override with --override-hold and a reason)", ""));
                    out.flush();
                }
                sleep(wait);
            }
        }
        String now = state.path("phase").asText() + (state.path("phase").asText().equals("CANARY")
                ? " " + state.path("weight").asInt() + "%" : "");
        out.printf("  %-14s %-9s %-15s -> %-15s %s%n", wave.name(), action, states.get(wave.name()), now, reason);
        out.flush();
        states.put(wave.name(), now);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the wave's consumers read now, asked as an OpenFeature OFREP provider would ask, for a few readers. */
    private void readSwitch(WavePlan wave) {
        if (wave.routingSwitch() == null) {
            return;
        }
        String path = "/ofrep/v1/evaluate/flags/" + Paths.segment(wave.routingSwitch());
        long deadline = System.nanoTime() + 2_000_000_000L;
        JsonNode answer = client.post(path, Map.of("context", Map.of("targetingKey", "reader-0")));
        // the switch follows the log within milliseconds of the command's answer
        while (!answer.path("reason").asText().equals("SPLIT") && System.nanoTime() < deadline) {
            answer = client.post(path, Map.of("context", Map.of("targetingKey", "reader-0")));
        }
        int readers = 200;
        int onTarget = 0;
        for (int i = 0; i < readers; i++) {
            JsonNode read = client.post(path, Map.of("context", Map.of("targetingKey", "reader-" + i)));
            onTarget += read.path("value").asText().equals("target") ? 1 : 0;
        }
        out.printf("  %-14s switch %s over OFREP: %d of %d readers read the target (canary at %d%%)%n", wave.name(),
                wave.routingSwitch(), onTarget, readers, answer.path("metadata").path("weight").asInt());
        out.flush();
    }

    private void attempt(String id, WavePlan wave, String action, String reason) {
        try {
            step(id, wave, action, reason);
        } catch (ApiException refused) {
            // a refusal naming several unmet conditions starts with its own "cutover of wave orders refused:"
            out.printf("  %-14s %-9s refused:%n", wave.name(), action);
            JsonNode each = refused.response() == null ? null : refused.response().body().path("errors");
            if (each == null || each.isEmpty()) {
                out.printf("  %-14s %-9s   ✗ %s%n", "", "", refused.getMessage());
            } else {
                each.forEach(condition -> out.printf("  %-14s %-9s   ✗ %s%n", "", "",
                        condition.path("detail").asText()));
            }
            out.flush();
        }
    }
}
