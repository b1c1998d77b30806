package dev.dimmer.deploy.cli;

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
import dev.dimmer.core.auth.TokenGrant;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.Database;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import dev.dimmer.projections.instant.Cutoff;
import dev.dimmer.projections.instant.PointInTime;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "instant", description = "Point in time over one migration's long log (audit at), beside a bare "
        + "read of the same events")
final class BenchInstantCommand implements Callable<Integer> {
    private static final Actor LEAD = new Actor("bench", "Bench", Set.of(Role.LEAD, Role.VIEWER));
    private static final String TOKEN = "bench-instant-token-0123456789";
    private static final String ID = "bench-instant";

    @Option(names = "--events", defaultValue = "100000", description = "Events to append (default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--runs", defaultValue = "5", description = "Runs to time, each reading the same log three ways "
            + "in turn; the medians count (default: ${DEFAULT-VALUE})")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("dimmer-bench");
        Database database = EmbeddedDatabase.start(temp, EmbeddedDatabase.Kind.DISPOSABLE,
                "the bench directory " + temp);
        out.printf("dimmer bench instant: one migration, %d events, %d cores, %s%n", events,
                Runtime.getRuntime().availableProcessors(), database.describe());
        out.flush();
        ServerSettings settings = new ServerSettings(new DimmerHome(temp), null, List.of(TokenGrant.of(TOKEN, LEAD)),
                "127.0.0.1", 0);
        Database shared = Database.external(database.url(), database.user(), database.password());
        try (ControlPlane plane = ControlPlane.start(settings, shared, Map.of("dimmer.axon.aggregate-cache", true,
                "dimmer.slack.notifier.enabled", false))) {
            long appending = System.nanoTime();
            append(plane.context().getBean(CommandGateway.class));
            out.printf("appended in %.1f s%n", (System.nanoTime() - appending) / 1e9);
            EventStorageEngine log = plane.context().getBean(Configuration.class)
                    .getComponent(EventStorageEngine.class);
            PointInTime pointInTime = plane.context().getBean(PointInTime.class);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(plane.url() + "/api/migrations/" + ID + "?at="
                    + Long.MAX_VALUE)).header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofMinutes(2))
                    .build();
            double[] bares = new double[runs];
            double[] replays = new double[runs];
            double[] apis = new double[runs];
            long read = 0;
            long replayed = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                read = bareRead(log);
                bares[i] = seconds(start);
                start = System.nanoTime();
                replayed = pointInTime.asOf(ID, new Cutoff.AtPosition(Long.MAX_VALUE)).orElseThrow().asOf()
                        .events();
                replays[i] = seconds(start);
                start = System.nanoTime();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("audit at answered " + answer.statusCode() + ": "
                            + answer.body());
                }
                apis[i] = seconds(start);
            }
            double bare = median(bares);
            double replay = median(replays);
            double api = median(apis);
            out.println();
            out.printf("%-62s %10s %8s%n", "(medians of " + runs + " runs)", "seconds", "ratio");
            out.printf("%-62s %10.3f %8s%n", "bare read of the " + read + " events (store, deserialised)", bare,
                    "1.00");
            out.printf("%-62s %10.3f %8.2f%n", "point in time, in the JVM (" + replayed + " events replayed)",
                    replay, replay / bare);
            out.printf("%-62s %10.3f %8.2f   goal < 2 s%n", "GET /api/migrations/{id}?at=POSITION over the whole log",
                    api, api / bare);
        } finally {
            database.close();
        }
        return 0;
    }

    /** Registers the migration, then moves its wave between SHADOW and CANARY until the log holds the events. */
    // Object, not CommandGateway: picocli reads every command's signatures when the CLI starts, and local commands
    // (plan lint, diff) must load no Axon class
    private void append(Object gateway) {
        CommandGateway bus = (CommandGateway) gateway;
        bus.sendAndWait(new ApplyPlanCommand(ID, new MigrationPlan(ID, "Bench instant",
                List.of(new Owner("bench", "Bench", Role.LEAD)),
                List.of(new WavePlan("orders", List.of(), List.of(10, 50)))), by()));
        bus.sendAndWait(new AdvanceWaveCommand(ID, "orders", null, by()));
        bus.sendAndWait(new AdvanceWaveCommand(ID, "orders", null, by()));
        for (int i = 3; i < events; i++) {
            if (i % 2 == 1) {
                bus.sendAndWait(new AdvanceWaveCommand(ID, "orders", null, by()));
            } else {
                bus.sendAndWait(new RollBackWaveCommand(ID, "orders", by()));
            }
        }
    }

    /** The migration's events as the store reads them for its aggregate, payload and metadata deserialised. */
    private static long bareRead(Object store) {
        EventStorageEngine log = (EventStorageEngine) store;
        long count = 0;
        DomainEventStream stream = log.readEvents(ID, 0);
        while (stream.hasNext()) {
            var message = stream.next();
            message.getPayload();
            message.getMetaData();
            count++;
        }
        return count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static Provenance by() {
        return new Provenance(LEAD, Channel.CLI, "bench", Instant.now());
    }
}
