package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.core.auth.TokenGrant;
import dev.dimmer.core.schedule.FiringLog;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The scheduler under load: many migrations, each with a wave in SHADOW whose validations run every period (metric
 * checks against a stand-in Prometheus, so the checks themselves cost little). The control plane's CPU while idle
 * (the baseline, same process) beside its CPU while the jobs fire; side by side, each firing's delay after its
 * scheduled time until Quartz started it, until it was taken (queued durably), until its command was accepted, and
 * (from the log) until its run was recorded; and, from the log, firings lost (a slot with no run) and doubled (two
 * runs for one slot).
 */
@Command(name = "schedule", description = "Scheduler overhead: N migrations x M validations every period; CPU idle "
        + "vs under the schedule; p50/p99 delay after the scheduled time of Quartz's firing, of the firing taken, of "
        + "its command accepted and of the run recorded; firings lost and doubled")
final class BenchScheduleCommand implements Callable<Integer> {
    private static final String TOKEN = "bench-schedule-token-0123456789";
    private static final Actor LEAD = new Actor("bench", "Bench", Set.of(Role.LEAD, Role.OPERATOR, Role.VIEWER));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GRACE = Duration.ofSeconds(10);

    @Option(names = "--migrations", defaultValue = "100", description = "Migrations (default: ${DEFAULT-VALUE})")
    int migrations;

    @Option(names = "--validations", defaultValue = "10", description = "Validations per migration, each run "
            + "every period (default: ${DEFAULT-VALUE})")
    int validations;

    @Option(names = "--period", defaultValue = "1m", description = "How often each validation runs (at least 10s; "
            + "default: ${DEFAULT-VALUE})")
    String period;

    @Option(names = "--periods", defaultValue = "3", description = "Periods measured after one period of warm-up "
            + "(default: ${DEFAULT-VALUE})")
    int periods;

    @Option(names = "--baseline", description = "How long the idle baseline is measured (default: as long as the "
            + "measured periods)")
    String baseline;

    @Option(names = "--threads", description = "Quartz threads (default: the server's, 4)")
    Integer threads;

    @Option(names = "--senders", description = "Threads sending the queued firings' commands (default: the "
            + "server's, 4)")
    Integer senders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Duration every = dev.dimmer.api.plan.PlanDuration.parse(period);
        if (every == null || every.compareTo(Duration.ofSeconds(10)) < 0) {
            out.println("--period: '" + period + "' is not a duration of at least 10s, e.g. 1m or 30s");
            return 2;
        }
        Duration idleFor = baseline == null ? every.multipliedBy(periods)
                : dev.dimmer.api.plan.PlanDuration.parse(baseline);
        if (idleFor == null || idleFor.compareTo(Duration.ofSeconds(10)) < 0) {
            out.println("--baseline: '" + baseline + "' is not a duration of at least 10s, e.g. 1m");
            return 2;
        }
        Map<String, Object> properties = new HashMap<>(Map.of("dimmer.slack.notifier.enabled", false,
                "dimmer.schedule.idle-wait-ms", 1000));
        if (threads != null) {
            properties.put("dimmer.schedule.threads", threads);
        }
        if (senders != null) {
            properties.put("dimmer.schedule.senders", senders);
        }
        Path temp = Files.createTempDirectory("dimmer-bench-schedule");
        EmbeddedDatabase database = EmbeddedDatabase.start(temp, EmbeddedDatabase.Kind.DISPOSABLE,
                "the bench directory " + temp);
        out.printf("dimmer bench schedule: %d migrations x %d validations every %s (%d jobs), %d cores, %s%n",
                migrations, validations, period, migrations * validations,
                Runtime.getRuntime().availableProcessors(), database.describe());
        out.flush();
        ServerSettings settings = new ServerSettings(new DimmerHome(temp), null, List.of(TokenGrant.of(TOKEN, LEAD)),
                "127.0.0.1", 0);
        try (DemoMetrics metrics = DemoMetrics.start();
             ControlPlane plane = ControlPlane.start(settings, database, properties)) {
            ApiClient client = new ApiClient(URI.create(plane.url()), TOKEN);
            FiringLog log = plane.context().getBean(FiringLog.class);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Duration measured = every.multipliedBy(periods);

            // the baseline: the same control plane, no migration, for as long as the measurement
            double idle = cpu(os, idleFor);
            out.printf("baseline (no schedule, %s): control plane CPU %.1f%% of one core%n", human(idleFor), idle);
            out.flush();

            for (int i = 0; i < migrations; i++) {
                String slug = String.format("bench-schedule-%03d", i);
                client.postText("/api/migrations", plan(slug, metrics.url()), "application/yaml", Map.of());
                for (String reason : List.of("backfill", "shadow")) {
                    client.post("/api/migrations/" + slug + "/waves/w/advance", Map.of("reason", reason));
                }
            }
            out.printf("registered %d migrations, each wave in SHADOW; warming up for one period%n", migrations);
            out.flush();
            Thread.sleep(every.toMillis());
            log.drain();
            log.drainAccepted();
            Instant from = Instant.now();
            double busy = cpu(os, measured);
            Instant until = Instant.now();
            // firings scheduled just before the window closed get the time they need to be taken and recorded;
            // every figure below is about the same firings: those scheduled inside the window
            Thread.sleep(GRACE.toMillis());
            List<FiringLog.Fired> fired = log.drain().stream().filter(f -> inside(f.scheduled(), from, until))
                    .toList();
            List<FiringLog.Accepted> accepted = log.drainAccepted().stream()
                    .filter(a -> inside(a.scheduled(), from, until)).toList();
            out.printf("under the schedule (%s): control plane CPU %.1f%% of one core (+%.1f points over the "
                    + "baseline), %d firings scheduled, %.1f per second%n", human(measured), busy, busy - idle,
                    fired.size(), fired.size() / (double) measured.toSeconds());
            List<Long> started = new ArrayList<>();
            List<Long> queued = new ArrayList<>();
            int quartzDoubles = 0;
            for (FiringLog.Fired each : fired) {
                started.add(each.late().toMillis());
                queued.add(each.queued().toMillis());
                quartzDoubles += each.first() ? 0 : 1;
            }
            List<Long> answered = new ArrayList<>(accepted.stream().map(a -> a.late().toMillis()).toList());
            Runs runs = runs(database);
            List<Long> recorded = runs.recordedDelays(from, until);
            out.printf("delay after the scheduled time (goal p99 < 1000 ms):%n");
            out.printf("  %-46s %8s %8s %8s %7s%n", "", "p50", "p99", "max", "count");
            row(out, "Quartz started the job", started);
            row(out, "firing taken (queued durably, Quartz done)", queued);
            row(out, "command accepted (dispatch answered)", answered);
            row(out, "run recorded (event appended to the log)", recorded);
            int[] lostDoubled = runs.lostAndDoubled(from, until, every);
            out.printf("firings lost: %d, doubled in the log: %d, handed over twice by Quartz (absorbed): %d "
                    + "(goal 0, 0)%n", lostDoubled[0], lostDoubled[1], quartzDoubles);
            out.flush();
            return lostDoubled[0] == 0 && lostDoubled[1] == 0 ? 0 : 1;
        }
    }

    /** The control plane's CPU over {@code span}, in percent of one core (this process: the bench only waits). */
    private static double cpu(com.sun.management.OperatingSystemMXBean os, Duration span) throws InterruptedException {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        Thread.sleep(span.toMillis());
        return 100.0 * (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
    }

    /** The scheduled runs in the log: per validation, each run's scheduled time and when its request was appended. */
    private Runs runs(EmbeddedDatabase database) throws Exception {
        Map<String, List<Instant[]>> runs = new HashMap<>();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT aggregate_identifier, payload, time_stamp FROM "
                     + "domain_event_entry WHERE payload_type = 'dev.dimmer.api.evidence.ValidationRunRequestedEvent'")) {
            while (rows.next()) {
                JsonNode payload = JSON.readTree(rows.getBytes(2));
                Instant at = Instant.parse(payload.path("at").asText());
                Instant appended = Instant.parse(rows.getString(3));
                for (JsonNode validation : payload.path("validations")) {
                    runs.computeIfAbsent(rows.getString(1) + "/" + validation.asText(), k -> new ArrayList<>())
                            .add(new Instant[]{at, appended});
                }
            }
        }
        return new Runs(runs);
    }

    private final class Runs {
        private final Map<String, List<Instant[]>> byValidation;

        Runs(Map<String, List<Instant[]>> byValidation) {
            this.byValidation = byValidation;
        }

        /** Scheduled time to append, per run scheduled inside the window. */
        List<Long> recordedDelays(Instant from, Instant until) {
            List<Long> delays = new ArrayList<>();
            byValidation.values().forEach(list -> list.stream().filter(r -> !r[0].isBefore(from) && r[0]
                    .isBefore(until)).forEach(r -> delays.add(Duration.between(r[0], r[1]).toMillis())));
            return delays;
        }

        /** A slot inside the window with no run of the validation is lost; two runs with one time are doubled. */
        int[] lostAndDoubled(Instant from, Instant until, Duration every) {
            int lost = 0;
            int doubled = 0;
            for (int i = 0; i < migrations; i++) {
                for (int v = 0; v < validations; v++) {
                    List<Instant[]> times = byValidation.getOrDefault(String.format("bench-schedule-%03d/v%02d", i,
                            v), List.of());
                    Set<Instant> seen = new HashSet<>();
                    for (Instant[] run : times) {
                        doubled += seen.add(run[0]) ? 0 : 1;
                    }
                    long slots = Duration.between(from, until).toMillis() / every.toMillis();
                    long inside = seen.stream().filter(at -> !at.isBefore(from) && at.isBefore(until)).count();
                    lost += (int) Math.max(0, slots - inside);
                }
            }
            return new int[]{lost, doubled};
        }
    }

    private static boolean inside(Instant at, Instant from, Instant until) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    private static void row(PrintWriter out, String what, List<Long> delays) {
        List<Long> sorted = new ArrayList<>(delays);
        sorted.sort(Long::compare);
        out.printf("  %-46s %5d ms %5d ms %5d ms %7d%n", what, percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), sorted.size());
    }

    private String plan(String slug, String prometheus) {
        StringBuilder plan = new StringBuilder("""
                slug: %s
                title: Scheduler bench
                owners:
                  - {id: bench, name: Bench, role: lead}
                metrics:
                  prometheus: %s
                waves:
                  - {name: w, canary_steps: [10, 50]}
                validations:
                """.formatted(slug, prometheus));
        List<String> names = new ArrayList<>();
        for (int v = 0; v < validations; v++) {
            String name = String.format("v%02d", v);
            names.add(name);
            plan.append("  - {name: ").append(name).append(", kind: metric, query: 'errors', max: 0.01, every: ")
                    .append(period).append("}\n");
        }
        plan.append("gates:\n  - {name: shadow-checks, before: cutover, waves: [w], validations: [")
                .append(String.join(", ", names)).append("]}\n");
        return plan.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String human(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
