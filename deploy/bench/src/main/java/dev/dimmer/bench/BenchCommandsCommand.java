package dev.dimmer.bench;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command latency as the operations issue sets its goal (p99 under 200 ms at 50 commands/s over 100 migrations on 2
 * cores): N control planes on one database, an open-loop client sending commands to them in turn on a fixed
 * schedule, each command's latency counted from the moment it was due (a stall delays every command behind it, none
 * is left out). Beside it, in the same process and at the same rate, a read of the same migrations (the baseline).
 * The slowest commands are broken down by the Server-Timing the server answers with.
 */
@Command(name = "commands", description = "Command latency under an open-loop load (N nodes, R commands/s round M "
        + "migrations: advance, advance, roll back), from each command's due time, beside a read of the same "
        + "migrations at the same rate; the slowest broken down by the server's Server-Timing")
public final class BenchCommandsCommand implements Callable<Integer> {
    private static final Actor LOCAL = new Actor("local", "Local developer", Set.of(Role.LEAD, Role.OPERATOR));

    @Option(names = "--rate", defaultValue = "50", description = "Commands a second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seconds", defaultValue = "60", description = "Seconds measured, commands and reads each "
            + "(default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "15", description = "Seconds of commands sent first and not counted "
            + "(default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--migrations", defaultValue = "100", description = "Migrations (default: ${DEFAULT-VALUE})")
    int migrations;

    @Option(names = "--nodes", defaultValue = "2", description = "Control planes on the database, sent to in turn "
            + "(default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "An empty PostgreSQL database to use "
            + "(default: a fresh embedded one)")
    String databaseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rate <= 0 || seconds < 1 || warmup < 0 || migrations < 1 || nodes < 1) {
            out.println("--rate, --seconds, --migrations and --nodes must be positive, --warmup at least 0");
            return 2;
        }
        Path temp = Files.createTempDirectory("dimmer-bench-commands");
        ControlPlanes planes = ControlPlanes.provided();
        try (BenchDatabase database = planes.database(temp, databaseUrl,
                System.getenv().getOrDefault("DIMMER_DATABASE_USER", ""),
                System.getenv().getOrDefault("DIMMER_DATABASE_PASSWORD", ""))) {
            out.printf("dimmer bench commands: %d node(s), %.0f commands/s over %d migrations for %d s (after %d s "
                    + "of warm-up), %d cores, %s%n", nodes, rate, migrations, seconds, warmup,
                    Runtime.getRuntime().availableProcessors(), database.description());
            out.flush();
            List<ControlPlanes.Running> running = new ArrayList<>();
            try {
                for (int n = 0; n < nodes; n++) {
                    running.add(planes.start(temp, database, Map.of("dimmer.slack.notifier.enabled", false,
                            "dimmer.axon.aggregate-cache", nodes == 1, "dimmer.node-id", "bench-node-" + n)));
                }
                List<String> ids = prepare(new BenchBus(running.get(0).context().getBean(
                        org.axonframework.commandhandling.gateway.CommandGateway.class)));
                List<OpenLoop.Target> targets = running.stream()
                        .map(p -> new OpenLoop.Target(p.url(), p.token())).toList();
                Idle.await(java.time.Duration.ofSeconds(30));
                OpenLoop.Result reads = OpenLoop.run(targets, ids, rate, warmup, seconds, OpenLoop.Kind.READ);
                Idle.await(java.time.Duration.ofSeconds(30));
                var os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                double javaCpu;
                double postgresCpu;
                OpenLoop.Result commands;
                try (PostgresCpuProbe postgres = new PostgresCpuProbe(java.sql.DriverManager.getConnection(
                        database.url(), database.user(), database.password()))) {
                    long[] cpu = {os.getProcessCpuTime()};
                    double[] server = {postgres.seconds()};
                    commands = OpenLoop.run(targets, ids, rate, warmup, seconds, OpenLoop.Kind.COMMAND, () -> {
                        cpu[0] = os.getProcessCpuTime();
                        server[0] = postgres.seconds();
                    });
                    javaCpu = (os.getProcessCpuTime() - cpu[0]) / 1e6;
                    postgresCpu = (postgres.seconds() - server[0]) * 1e3;
                }
                double sent = rate * seconds;
                out.println();
                out.printf("%-52s %7s %8s %8s %8s %8s%n", "from the due time to the answer", "count", "p50 ms",
                        "p99 ms", "max ms", "p99 x");
                row(out, "read GET /api/migrations/{id} (baseline)", reads, reads);
                row(out, "command advance/advance/rollback (goal p99 < 200)", commands, reads);
                out.printf("answers: %s%n", commands.statuses());
                out.printf("the slowest 1%% of commands (%d), mean ms: %s%n", commands.slowest().count(),
                        commands.slowest());
                out.printf("every command, p99 ms of each part: %s%n", commands.partsP99());
                out.printf("CPU per command (after the warm-up): %.2f ms in this process (nodes and client), %s in "
                        + "PostgreSQL; at %.0f/s that is %.2f cores of %d%n", javaCpu / sent,
                        Double.isNaN(postgresCpu) ? "n/a" : String.format("%.2f ms", postgresCpu / sent), rate,
                        (javaCpu + (Double.isNaN(postgresCpu) ? 0 : postgresCpu)) / sent * rate / 1000,
                        Runtime.getRuntime().availableProcessors());
            } finally {
                for (ControlPlanes.Running plane : running) {
                    plane.close();
                }
            }
        }
        return 0;
    }

    private static void row(PrintWriter out, String label, OpenLoop.Result result, OpenLoop.Result baseline) {
        out.printf("%-52s %7d %8.1f %8.1f %8.1f %8.2f%n", label, result.latencies().count(),
                result.latencies().millis(50), result.latencies().millis(99), result.latencies().millis(100),
                result.latencies().millis(99) / baseline.latencies().millis(99));
    }

    /** The migrations, each with one wave in SHADOW: advance to canary 10, to 50, roll back, and again. */
    private List<String> prepare(BenchBus bus) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < migrations; i++) {
            String id = "bench-commands-%03d".formatted(i);
            ids.add(id);
            bus.sendAndWait(new ApplyPlanCommand(id, new MigrationPlan(id, "Bench " + i,
                    List.of(new Owner(LOCAL.id(), LOCAL.name(), Role.LEAD)),
                    List.of(new WavePlan("orders", List.of(), List.of(10, 50)))), by()));
            bus.sendAndWait(new AdvanceWaveCommand(id, "orders", null, by()));
            bus.sendAndWait(new AdvanceWaveCommand(id, "orders", null, by()));
        }
        return ids;
    }

    private static Provenance by() {
        return new Provenance(LOCAL, Channel.CLI, "bench", Instant.now());
    }
}
