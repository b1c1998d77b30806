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

@Command(name = "switches", description = "Routing switches: OFREP single and bulk evaluation beside a trivial "
        + "endpoint of the same server, and a kill's time to reach consumers (OFREP poll, SSE)")
public final class BenchSwitchesCommand implements Callable<Integer> {
    private static final Actor LEAD = new Actor("bench", "Bench", Set.of(Role.LEAD));
    private static final String MIGRATION = "bench-switches";

    @Option(names = "--switches", defaultValue = "20", description = "Switches in CANARY, split by key (default: ${DEFAULT-VALUE})")
    int switches;

    @Option(names = "--connections", defaultValue = "8", description = "Kept-alive connections sending at once (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds of load per endpoint (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--rollbacks", defaultValue = "200", description = "Kills and rollbacks to time (default: ${DEFAULT-VALUE})")
    int rollbacks;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "An empty PostgreSQL database to use (default: a fresh embedded one)")
    String databaseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("dimmer-bench");
        ControlPlanes planes = ControlPlanes.provided();
        try (BenchDatabase database = planes.database(temp, databaseUrl,
                System.getenv().getOrDefault("DIMMER_DATABASE_USER", ""),
                System.getenv().getOrDefault("DIMMER_DATABASE_PASSWORD", ""));
             ControlPlanes.Running plane = planes.start(temp, database, Map.of("dimmer.bench.ping", true,
                     "dimmer.slack.notifier.enabled", false, "dimmer.axon.aggregate-cache", true))) {
            out.printf("dimmer bench switches: %d switches in CANARY, %d connections, %.0f s each, %d rollbacks, "
                    + "%d cores, %s%n", switches, connections, seconds, rollbacks,
                    Runtime.getRuntime().availableProcessors(), database.description());
            out.flush();
            prepare(new BenchBus(plane.context().getBean(
                    org.axonframework.commandhandling.gateway.CommandGateway.class)));
            String single = "/ofrep/v1/evaluate/flags/bench-" + (switches / 2);
            // the JIT warms up on all three before any is measured, so that order does not favour one
            for (String path : List.of("/api/bench/ping", single, "/ofrep/v1/evaluate/flags")) {
                LoadRun.run(plane.url(), plane.token(), path, BenchSwitchesCommand::context, connections,
                        Math.min(3, seconds));
            }
            // each endpoint measured twice, interleaved, the better run kept: the machine is shared, and a
            // neighbour's burst of work during one run should not decide a ratio
            LoadRun.Result ping = null;
            LoadRun.Result one = null;
            LoadRun.Result bulk = null;
            for (int round = 0; round < 2; round++) {
                ping = better(ping, LoadRun.run(plane.url(), plane.token(), "/api/bench/ping",
                        BenchSwitchesCommand::context, connections, seconds));
                one = better(one, LoadRun.run(plane.url(), plane.token(), single, BenchSwitchesCommand::context,
                        connections, seconds));
                bulk = better(bulk, LoadRun.run(plane.url(), plane.token(), "/ofrep/v1/evaluate/flags",
                        BenchSwitchesCommand::context, connections, seconds));
            }
            RollbackLatency kills = new RollbackLatency(plane.url(), plane.token(), MIGRATION, "bench-rollback");
            kills.measure(rollbacks);
            int flags = switches + 1;

            out.println();
            out.printf("%-58s %12s %8s %8s %7s%n", "", "per second", "p50 ms", "p99 ms", "ratio");
            row(out, "trivial endpoint (POST /api/bench/ping, same auth)", ping.perSecond(), ping.p50(), ping.p99(),
                    "1.00", "");
            row(out, "OFREP single evaluation (SPLIT, murmur3 bucket)", one.perSecond(), one.p50(), one.p99(),
                    String.format("%.2f", one.perSecond() / ping.perSecond()), "goal >= 20000/s, p99 < 5 ms");
            row(out, "OFREP bulk evaluation (" + flags + " flags per answer), requests", bulk.perSecond(), bulk.p50(),
                    bulk.p99(), String.format("%.2f", bulk.perSecond() / ping.perSecond()), "");
            out.printf("%-58s %12.0f %8s %8s %7.2f   goal >= 20000/s%n", "  ... evaluations in those answers",
                    bulk.perSecond() * flags, "", "", bulk.perSecond() * flags / ping.perSecond());
            out.println();
            out.printf("%-58s %12s %8s %8s %7s%n", "over " + rollbacks + " kills", "", "p50 ms", "p99 ms", "ratio");
            out.printf("%-58s %12s %8.1f %8.1f %7s%n", "kill command round trip (request sent to answer)", "",
                    kills.command.millis(50), kills.command.millis(99), "1.00");
            out.printf("%-58s %12s %8.1f %8.1f %7.2f   goal p99 < 250 ms%n", "kill sent -> OFREP poll answers source",
                    "", kills.poll.millis(50), kills.poll.millis(99), kills.poll.millis(99) / kills.command.millis(99));
            out.printf("%-58s %12s %8.1f %8.1f %7.2f   goal p99 < 250 ms%n", "kill sent -> SSE change event received",
                    "", kills.stream.millis(50), kills.stream.millis(99),
                    kills.stream.millis(99) / kills.command.millis(99));
            out.println("(each throughput row: the better of two interleaved runs; the load generator runs on the same "
                    + "cores as the server; latency ratios are p99 to the command's p99)");
        }
        return 0;
    }

    private static LoadRun.Result better(LoadRun.Result best, LoadRun.Result run) {
        return best == null || run.perSecond() > best.perSecond() ? run : best;
    }

    private static void row(PrintWriter out, String label, double perSecond, double p50, double p99, String ratio,
                            String goal) {
        out.printf("%-58s %12.0f %8.2f %8.2f %7s   %s%n", label, perSecond, p50, p99, ratio, goal);
    }

    private static String context(int i) {
        return "{\"context\": {\"targetingKey\": \"reader-" + i + "\"}}";
    }

    private void prepare(BenchBus bus) {
        List<WavePlan> waves = new ArrayList<>();
        for (int i = 0; i < switches; i++) {
            waves.add(new WavePlan("wave-" + i, List.of(), List.of(50), null, null, "bench-" + i, null, null));
        }
        waves.add(new WavePlan("rolled", List.of(), List.of(99), null, null, "bench-rollback", null, null));
        bus.sendAndWait(new ApplyPlanCommand(MIGRATION, new MigrationPlan(MIGRATION, "Bench switches",
                List.of(new Owner("bench", "Bench", Role.LEAD)), waves), by()));
        for (WavePlan wave : waves) {
            int steps = wave.name().equals("rolled") ? 2 : 3;
            for (int s = 0; s < steps; s++) {
                bus.sendAndWait(new AdvanceWaveCommand(MIGRATION, wave.name(), null, by()));
            }
        }
    }

    private static Provenance by() {
        return new Provenance(LEAD, Channel.CLI, "bench", Instant.now());
    }
}
