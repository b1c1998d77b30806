package dev.dimmer.deploy.bench;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import org.axonframework.commandhandling.gateway.CommandGateway;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.Database;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import dev.dimmer.projections.rebuild.RebuildResult;
import dev.dimmer.projections.rebuild.RebuildingProjections;
import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "events", description = "Command throughput through the command bus and projection rebuild rate, "
        + "beside raw JDBC inserts on the same database")
public final class BenchEventsCommand implements Callable<Integer> {
    private static final Actor LEAD = new Actor("bench", "Bench", Set.of(Role.LEAD, Role.OPERATOR));

    @Option(names = "--commands", defaultValue = "20000", description = "Commands to send (default: ${DEFAULT-VALUE})")
    int commands;

    @Option(names = "--senders", defaultValue = "4", description = "Concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;

    @Option(names = "--migrations", defaultValue = "40", description = "Migrations the commands spread over (default: ${DEFAULT-VALUE})")
    int migrations;

    @Option(names = "--rebuilds", defaultValue = "3", description = "Rebuilds to time; the fastest counts (default: ${DEFAULT-VALUE})")
    int rebuilds;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "An empty PostgreSQL database to use (default: a fresh embedded one)")
    String databaseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("dimmer-bench");
        Database database = databaseUrl == null ? EmbeddedDatabase.start(temp,
                EmbeddedDatabase.Kind.DISPOSABLE, "the bench directory " + temp)
                : Database.external(databaseUrl, System.getenv().getOrDefault("DIMMER_DATABASE_USER", ""),
                System.getenv().getOrDefault("DIMMER_DATABASE_PASSWORD", ""));
        out.printf("dimmer bench events: %d commands, %d senders, %d migrations, %d cores, %s%n", commands, senders,
                migrations, Runtime.getRuntime().availableProcessors(), database.describe());
        out.flush();
        RawJdbcBaseline raw = new RawJdbcBaseline(database.url(), database.user(), database.password());
        double rawCommitted = raw.committedInserts(senders, commands);
        double rawBatched = raw.batchedInserts(commands, 500);
        raw.drop();
        ServerSettings settings = new ServerSettings(new DimmerHome(temp), null, List.of(), "127.0.0.1", 0);
        // the control planes below must not stop the database they share
        Database shared = Database.external(database.url(), database.user(), database.password());
        try {
            double cached;
            double uncached;
            TimedRebuild rebuild;
            double bareRead;
            try (ControlPlane plane = ControlPlane.start(settings, shared, Map.of("dimmer.axon.aggregate-cache", true, "dimmer.slack.notifier.enabled", false))) {
                CommandGateway bus = plane.context().getBean(CommandGateway.class);
                List<String> ids = prepare(bus);
                cached = sendCommands(bus, ids);
                RebuildingProjections rebuilding = plane.context().getBean(RebuildingProjections.class);
                try (PostgresCpuProbe postgres = new PostgresCpuProbe(DriverManager.getConnection(database.url(),
                        database.user(), database.password()))) {
                    rebuild = timed(rebuilding, postgres);
                    for (int i = 1; i < rebuilds; i++) {
                        TimedRebuild again = timed(rebuilding, postgres);
                        rebuild = again.result().seconds() < rebuild.result().seconds() ? again : rebuild;
                    }
                }
                EventStorageEngine log = plane.context().getBean(Configuration.class)
                        .getComponent(EventStorageEngine.class);
                bareRead = readLog(log);
                for (int i = 1; i < rebuilds; i++) {
                    bareRead = Math.max(bareRead, readLog(log));
                }
            }
            try (ControlPlane plane = ControlPlane.start(settings, shared, Map.of("dimmer.axon.aggregate-cache", false, "dimmer.slack.notifier.enabled", false))) {
                CommandGateway bus = plane.context().getBean(CommandGateway.class);
                uncached = sendCommands(bus, ids(migrations));
            }
            double rebuildRate = rebuild.result().events() / rebuild.result().seconds();
            out.println();
            out.printf("%-58s %12s %8s%n", "", "per second", "ratio");
            out.printf("%-58s %12.0f %8s%n", "raw JDBC insert, one commit per row, " + senders + " threads",
                    rawCommitted, "1.00");
            out.printf("%-58s %12.0f %8.2f   target >= 1000/s%n",
                    "commands, aggregate cache (single node, dev mode)", cached, cached / rawCommitted);
            out.printf("%-58s %12.0f %8.2f   target >= 1000/s%n",
                    "commands, snapshots only (several nodes)", uncached, uncached / rawCommitted);
            out.printf("%-58s %12.0f %8s%n", "raw JDBC batched insert, 500 rows per commit", rawBatched, "1.00");
            out.printf("%-58s %12.0f %8.2f%n", "bare read of the log, payload and metadata deserialised",
                    bareRead, bareRead / rawBatched);
            out.printf("%-58s %12.0f %8.2f   target >= 20000/s (%.2f x the bare read)%n",
                    "projection rebuild, " + rebuild.result().events() + " events (status + audit)", rebuildRate,
                    rebuildRate / rawBatched, rebuildRate / bareRead);
            out.printf("  CPU per event in that rebuild: %.1f us in this JVM (all threads), %s in PostgreSQL, %.1f us "
                    + "of wall time on %d cores%n", rebuild.javaMicros(),
                    Double.isNaN(rebuild.postgresMicros()) ? "n/a (not a local server)"
                            : String.format("%.1f us", rebuild.postgresMicros()),
                    1e6 / rebuildRate, Runtime.getRuntime().availableProcessors());
        } finally {
            database.close();
        }
        return 0;
    }

    /** A rebuild with the CPU it cost per event, in this JVM and in the PostgreSQL server. */
    private record TimedRebuild(RebuildResult result, double javaMicros, double postgresMicros) {
    }

    private static TimedRebuild timed(RebuildingProjections rebuilding, PostgresCpuProbe postgres) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long java = os.getProcessCpuTime();
        double server = postgres.seconds();
        RebuildResult result = rebuilding.rebuild();
        double events = Math.max(1, result.events());
        return new TimedRebuild(result, (os.getProcessCpuTime() - java) / 1e3 / events,
                (postgres.seconds() - server) * 1e6 / events);
    }

    /** Events per second read from the log by the storage engine, deserialised, with nothing done with them. */
    private static double readLog(EventStorageEngine log) {
        long start = System.nanoTime();
        long events;
        try (Stream<? extends TrackedEventMessage<?>> stream = log.readEvents(null, false)) {
            events = stream.peek(m -> {
                m.getPayload();
                m.getMetaData();
            }).count();
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("bench-" + i);
        }
        return ids;
    }

    List<String> prepare(CommandGateway bus) {
        List<String> ids = ids(migrations);
        for (String id : ids) {
            int i = ids.indexOf(id);
            bus.sendAndWait(new ApplyPlanCommand(id, new MigrationPlan(id, "Bench " + i,
                    List.of(new Owner("bench", "Bench", Role.LEAD)),
                    List.of(new WavePlan("orders", List.of(), List.of(10, 50)))), by()));
            bus.sendAndWait(new AdvanceWaveCommand(id, "orders", null, by()));
            bus.sendAndWait(new AdvanceWaveCommand(id, "orders", null, by()));
        }
        return ids;
    }

    double sendCommands(CommandGateway bus, List<String> ids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        int perSender = commands / senders;
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perSender; i++) {
                    String id = ids.get((sender + senders * (i / 2)) % ids.size());
                    // SHADOW -> CANARY, then back: an endless, legal sequence that grows each migration's log
                    if (i % 2 == 0) {
                        bus.sendAndWait(new AdvanceWaveCommand(id, "orders", null, by()));
                    } else {
                        bus.sendAndWait(new RollBackWaveCommand(id, "orders", by()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return perSender * senders / ((System.nanoTime() - start) / 1e9);
    }

    private static Provenance by() {
        return new Provenance(LEAD, Channel.CLI, "bench", Instant.now());
    }
}
