package dev.dimmer.bench;

import com.sun.net.httpserver.HttpServer;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.plan.RollbackPlan;
import dev.dimmer.api.plan.WavePlan;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollback", description = "A three-step rollback (switch, view swap on PostgreSQL, signed webhook to "
        + "a local receiver) from the rollback command to the runbook's completed event, beside the same SQL and "
        + "webhook called directly")
public final class BenchRollbackCommand implements Callable<Integer> {
    private static final Actor LEAD = new Actor("bench", "Bench", Set.of(Role.LEAD));
    private static final String SWAP_BACK = "CREATE OR REPLACE VIEW bench_read AS SELECT * FROM bench_legacy";
    private static final String SECRET = "bench-hook-secret";

    @Option(names = "--runs", defaultValue = "30", description = "Rollbacks to time (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "An empty PostgreSQL database to use (default: a fresh embedded one)")
    String databaseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("dimmer-bench-rollback");
        ControlPlanes planes = ControlPlanes.provided();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(2));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (BenchDatabase database = planes.database(temp, databaseUrl,
                System.getenv().getOrDefault("DIMMER_DATABASE_USER", ""),
                System.getenv().getOrDefault("DIMMER_DATABASE_PASSWORD", ""))) {
            out.printf("dimmer bench rollback: %d runs, %d cores, %s%n", runs,
                    Runtime.getRuntime().availableProcessors(), database.description());
            out.flush();
            List<Double> bare = new ArrayList<>();
            List<Double> endToEnd = new ArrayList<>();
            List<Double> recorded = new ArrayList<>();
            try (ControlPlanes.Running plane = planes.start(temp, database, Map.of(
                    "dimmer.slack.notifier.enabled", false,
                    "dimmer.rollback.secrets.BENCH_TARGET_PASSWORD", database.password(),
                    "dimmer.rollback.secrets.BENCH_HOOK_SECRET", SECRET))) {
                BenchBus bus = new BenchBus(plane.context().getBean(
                        org.axonframework.commandhandling.gateway.CommandGateway.class));
                // the target's tables come after the control plane's own: its schema history wants an empty schema
                prepareTarget(database);
                for (int i = 0; i < runs + 3; i++) {
                    double millis = bare(database, hook, i);
                    if (i >= 3) {
                        bare.add(millis);
                    }
                }
                // two warm-up rollbacks load the classes and the connections the timed ones use
                for (int i = 0; i < runs + 2; i++) {
                    String id = "bench-rollback-" + i;
                    prepareMigration(bus, database, id, hook);
                    long started = System.nanoTime();
                    bus.sendAndWait(new RollBackWaveCommand(id, "customers", by()));
                    long total = awaitCompleted(database, id);
                    double wall = (System.nanoTime() - started) / 1e6;
                    if (i >= 2) {
                        endToEnd.add(wall);
                        recorded.add((double) total);
                    }
                }
            }
            out.println();
            out.printf("%-62s %9s %9s %9s%n", "", "min ms", "median", "p99");
            row(out, "same SQL + webhook called directly, same process", bare);
            row(out, "rollback command -> completed event visible (3 steps)", endToEnd);
            row(out, "recovery time the completed event records", recorded);
            out.printf("ratio of medians (rollback end to end / direct calls): %.1f; goal: end to end < 2000 ms%n",
                    median(endToEnd) / median(bare));
            out.printf("webhook calls received: %d (%d direct + %d rollbacks, each once)%n", calls.get(), runs + 3,
                    runs + 2);
            return 0;
        } finally {
            receiver.stop(0);
            ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
        }
    }

    private static void prepareTarget(BenchDatabase database) throws Exception {
        try (var c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_legacy (id int)");
            s.execute("CREATE TABLE bench_new (id int)");
            s.execute("CREATE VIEW bench_read AS SELECT * FROM bench_new");
        }
    }

    private static void prepareMigration(BenchBus bus, BenchDatabase database, String id, String hook) {
        List<RollbackAction> steps = List.of(
                new RollbackAction.Switch("send reads back", "customers-read-path", "source", PlanDuration.of("1s"),
                        List.of()),
                new RollbackAction.Sql("swap the view back", "target", SWAP_BACK, PlanDuration.of("1s"), List.of(),
                        PlanDuration.of("10s")),
                new RollbackAction.Webhook("tell the deploy service", "POST", hook, PlanDuration.of("1s"), List.of(),
                        Map.of("wave", "customers"), "${env:BENCH_HOOK_SECRET}", null, PlanDuration.of("5s"), 1));
        MigrationPlan plan = new MigrationPlan(id, "Bench rollback", List.of(new Owner("bench", "Bench", Role.LEAD)),
                List.of(new WavePlan("customers", List.of(), List.of(10, 50))), null, null, null, null, null,
                Map.of("target", new Connection(database.url(), database.user(), "${env:BENCH_TARGET_PASSWORD}")),
                null, null, null, new RollbackPlan(null, null, null, steps), null, null, null);
        bus.sendAndWait(new ApplyPlanCommand(id, plan, by()));
        for (int i = 0; i < 3; i++) {
            bus.sendAndWait(new AdvanceWaveCommand(id, "customers", null, by()));
        }
    }

    /** Polls the log for the migration's completed runbook; answers the recovery time it records. */
    private static long awaitCompleted(BenchDatabase database, String id) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (var c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                     + "WHERE aggregate_identifier = ? AND payload_type = 'dev.dimmer.api.rollback.RunbookCompletedEvent'")) {
            s.setString(1, id);
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        String json = r.getString(1);
                        String total = json.replaceAll(".*\"totalMillis\":([0-9]+).*", "$1");
                        return Long.parseLong(total);
                    }
                }
                Thread.sleep(1);
            }
        }
        throw new IllegalStateException("the rollback of " + id + " did not complete within 30s");
    }

    /** The work of the runbook without Dimmer: the same SQL in a transaction on a new connection, and the POST. */
    private static double bare(BenchDatabase database, String hook, int run) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        try (var c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(10);
                s.execute(SWAP_BACK);
            }
            c.commit();
        }
        byte[] body = "{\"wave\":\"customers\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(hook))
                .header("Content-Type", "application/json").header("Idempotency-Key", "bare-" + run)
                .header("X-Dimmer-Signature", "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the receiver answered " + answer.statusCode());
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static void row(PrintWriter out, String label, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        out.printf("%-62s %9.1f %9.1f %9.1f%n", label, sorted.get(0), median(sorted),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1)));
    }

    private static double median(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Provenance by() {
        return new Provenance(LEAD, Channel.CLI, "bench", Instant.now());
    }
}
