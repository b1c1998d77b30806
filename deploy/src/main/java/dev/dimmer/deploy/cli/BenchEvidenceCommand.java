package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.core.auth.TokenGrant;
import dev.dimmer.core.evidence.SecretLookup;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import dev.dimmer.plan.PlanLoader;
import dev.dimmer.validation.plan.RunningPlannedChecks;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A wave's validations run through the control plane (request, runner, a command per result, the report) beside
 * the same checks called directly on the engine in the same process, on the same tables; and the time from a run's
 * last result to the gate answering open.
 */
@Command(name = "evidence", description = "A wave's validation run through the control plane beside the same "
        + "checks called directly, and the time from the last result to the gate opening")
final class BenchEvidenceCommand implements Callable<Integer> {
    private static final String TOKEN = "bench-evidence-token-0123456789";
    private static final Actor LEAD = new Actor("bench", "Bench", Set.of(Role.LEAD, Role.APPROVER, Role.OPERATOR, Role.VIEWER));

    @Option(names = "--scale", defaultValue = "10", description = "Rows: 20,000 customers and 100,000 orders "
            + "per 10 (default: ${DEFAULT-VALUE})")
    int scale;

    @Option(names = "--runs", defaultValue = "5", description = "Runs of each; the median counts "
            + "(default: ${DEFAULT-VALUE})")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("dimmer-bench");
        EmbeddedDatabase database = EmbeddedDatabase.start(temp, EmbeddedDatabase.Kind.DISPOSABLE,
                "the bench directory " + temp);
        DemoDatabases data = DemoDatabases.create(database, scale);
        out.printf("dimmer bench evidence: wave customers of the worked example, %,d customers, %,d orders, "
                + "%d cores, %s%n", 2000 * scale, 10000 * scale, Runtime.getRuntime().availableProcessors(),
                database.describe());
        out.flush();
        Map<String, String> secrets = data.secrets();
        SecretLookup lookup = name -> secrets.containsKey(name) ? secrets.get(name) : System.getenv(name);
        ServerSettings settings = new ServerSettings(new DimmerHome(temp), null, List.of(TokenGrant.of(TOKEN, LEAD)),
                "127.0.0.1", 0);
        DemoMetrics metrics = DemoMetrics.start();
        String planText;
        try (var in = getClass().getClassLoader().getResourceAsStream(DemoCommand.PLAN)) {
            // the demo's times (a shadow of seconds, windows around today), so that only evidence keeps the gate shut
            planText = DemoTimes.relativeTo(data.pointPlanAtDemo(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8), metrics.url()), java.time.LocalDate.now(
                    java.time.ZoneOffset.UTC));
        }
        MigrationPlan plan = new PlanLoader().load(DemoCommand.PLAN, planText).plan();
        String wave = plan.waves().get(0).name();
        try (ControlPlane plane = ControlPlane.start(settings, database, Map.of("dimmer.slack.notifier.enabled",
                false, "dimmer.validation.poll-interval", "20ms", "dimmer.schedule.enabled", false), List.of(lookup))) {
            ApiClient client = new ApiClient(URI.create(plane.url()), TOKEN);
            client.postText("/api/migrations", planText, "application/yaml", Map.of());
            for (String reason : List.of("backfill", "shadow")) {
                client.post("/api/migrations/" + plan.slug() + "/waves/" + wave + "/advance", Map.of("reason", reason));
            }
            // the canary gate asks one lead's go: the bench's lead gives it, and the shadow's seconds pass
            client.post("/api/migrations/" + plan.slug() + "/waves/" + wave + "/gonogo", Map.of("reason", "bench"));
            client.post("/api/migrations/" + plan.slug() + "/waves/" + wave + "/votes", Map.of("vote", "approve",
                    "comment", "bench"));
            Thread.sleep(Duration.parse("PT" + DemoTimes.SHADOW.toUpperCase()).toMillis() + 500);
            List<ValidationPlan> checks = plan.validationsOf(wave);
            RunningPlannedChecks engine = new RunningPlannedChecks(lookup::get, Clock.systemUTC(),
                    Duration.ofMinutes(10), HttpClient.newHttpClient());
            List<Double> direct = new ArrayList<>();
            List<Double> through = new ArrayList<>();
            List<Double> gate = new ArrayList<>();
            List<Double> checksInside = new ArrayList<>();
            Map<String, List<Double>> phases = new java.util.LinkedHashMap<>();
            for (int i = 0; i < runs + 1; i++) {
                long started = System.nanoTime();
                for (ValidationPlan check : checks) {
                    CheckResult result = engine.run(plan, check);
                    if (result.status() != dev.dimmer.api.evidence.CheckStatus.PASSED) {
                        throw new IllegalStateException("bench check did not pass: " + result.summary());
                    }
                }
                double directSeconds = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                ServerValidation.Answer answer = ServerValidation.run(client, plan.slug(), wave, List.of(), "bench",
                        true, Duration.ofMinutes(10), Duration.ofMillis(100));
                double throughSeconds = (System.nanoTime() - started) / 1e9;
                Instant seen = Instant.now();
                double gateSeconds = gateOpens(client, plan.slug(), wave, answer);
                long insideMillis = 0;
                for (JsonNode result : answer.json().path("waves").path(0).path("validations")) {
                    insideMillis += result.path("duration_ms").asLong();
                }
                if (i > 0) {
                    checksInside.add(insideMillis / 1000.0);
                    direct.add(directSeconds);
                    through.add(throughSeconds);
                    gate.add(gateSeconds);
                    timeline(client, plan.slug(), answer, seen).forEach((phase, seconds) ->
                            phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(seconds));
                }
            }
            double d = median(direct);
            double t = median(through);
            out.printf("%d checks per run, %d runs after a warm-up; medians:%n", checks.size(), runs);
            out.printf("  engine called directly          %8.3f s%n", d);
            out.printf("  through the control plane       %8.3f s   %.2f x the direct call (goal <= 1.10 x)%n", t,
                    t / d);
            out.printf("    of which the checks themselves %8.3f s   %.2f x the direct call (the rest: request, queue, "
                    + "recording, the view)%n", median(checksInside), median(checksInside) / d);
            phases.forEach((phase, seconds) -> out.printf("      %-28s %8.3f s%n", phase, median(seconds)));
            out.printf("  last result -> gate open        %8.1f ms  (min %.1f, max %.1f)%n", median(gate) * 1000,
                    Collections.min(gate) * 1000, Collections.max(gate) * 1000);
        } finally {
            metrics.close();
        }
        return 0;
    }

    /**
     * Where a run's time went, from its own record: request to the first check starting (event, queue, runner), the
     * time between checks that is not a check, the last result to the run's completion, and completion to the client
     * seeing it.
     */
    private static Map<String, Double> timeline(ApiClient client, String id, ServerValidation.Answer answer,
                                                Instant seen) {
        JsonNode run = client.get("/api/migrations/" + id + "/validations/runs/"
                + answer.json().path("run_id").asText()).path("runs").path(0);
        Instant requested = Instant.parse(run.path("requested_at").asText());
        Instant firstStart = null;
        Instant lastAt = Instant.MIN;
        long checkMillis = 0;
        for (JsonNode result : run.path("results")) {
            Instant at = Instant.parse(result.path("at").asText());
            Instant start = at.minusMillis(result.path("duration_ms").asLong());
            firstStart = firstStart == null || start.isBefore(firstStart) ? start : firstStart;
            lastAt = at.isAfter(lastAt) ? at : lastAt;
            checkMillis += result.path("duration_ms").asLong();
        }
        Instant completed = run.hasNonNull("completed_at") ? Instant.parse(run.path("completed_at").asText()) : lastAt;
        Map<String, Double> phases = new java.util.LinkedHashMap<>();
        phases.put("request -> first check", seconds(requested, firstStart));
        phases.put("between checks", seconds(firstStart, lastAt) - checkMillis / 1000.0);
        phases.put("last result -> completed", seconds(lastAt, completed));
        phases.put("completed -> client sees it", seconds(completed, seen));
        return phases;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Seconds from the run's last recorded result to the gate checklist answering open. */
    private static double gateOpens(ApiClient client, String id, String wave, ServerValidation.Answer answer) {
        Instant last = Instant.MIN;
        for (JsonNode result : answer.json().path("waves").path(0).path("validations")) {
            Instant at = Instant.parse(result.path("at").asText());
            last = at.isAfter(last) ? at : last;
        }
        while (true) {
            JsonNode gate = client.get("/api/migrations/" + id + "/waves/" + wave + "/gate");
            if (gate.path("open").asBoolean()) {
                return Math.max(0, Duration.between(last, Instant.now()).toNanos() / 1e9);
            }
            if (Duration.between(last, Instant.now()).toSeconds() > 30) {
                throw new IllegalStateException("the gate did not open within 30 s: " + gate);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
