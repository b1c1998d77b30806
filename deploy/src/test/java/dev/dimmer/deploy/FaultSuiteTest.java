package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.ScheduledFirings.Outage;
import dev.dimmer.testing.RestartablePostgres;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bounded fault suite ({@code ./mvnw -B -pl deploy -am verify -Pfaults}; {@code -Dfaults.minutes=10} for the
 * long run, 2 minutes by default): two nodes (JVMs of their own) on one PostgreSQL, node B reaching it through a TCP
 * proxy. Open-loop clients send 50 commands a second over 100 migrations, to the nodes in turn. A tenth of the
 * migrations roll back through a plan that calls a webhook; a tenth have a validation the scheduler fires every
 * 10 s. After a quiet phase (the latency figure), in turn: node A killed with SIGKILL (and started again), the
 * database restarted, the database stopped for 20 s, node B's connection to it cut for 15 s.
 *
 * <p>Afterwards: every acknowledged command is in the log exactly once, no answer (2xx or 4xx) said something the
 * log contradicts, every event has its audit row, the views equal a rebuild, the audit ledger verifies, each
 * scheduled firing happened once (a miss only while no node could reach the database: the database's restart and
 * stop; each miss printed; a node killed or cut off costs no slot), and each rollback plan
 * completed once with its webhook delivered under its own key.
 */
@Tag("faults")
class FaultSuiteTest {
    private static final int MIGRATIONS = 100;
    private static final double RATE = 50;
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Duration READY = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldLoseNothingAndClaimNothingUntrueUnderKillRestartStopAndCut() throws Exception {
        Duration run = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("faults.minutes", "2")) * 60));
        // the faults take about 95 s; the rest of the run is the quiet phase before them
        Duration quiet = Duration.ofSeconds(Math.max(30, run.toSeconds() - 95));
        String signingKey = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPrivate().getEncoded());
        try (RestartablePostgres postgres = RestartablePostgres.start();
             TestDatabase database = postgres.newDatabase();
             TestDatabase data = TestPostgres.newDatabase();
             HookReceiver hooks = new HookReceiver()) {
            try (Connection c = data.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (order_id INT PRIMARY KEY)");
                s.execute("INSERT INTO orders SELECT generate_series(1, 1000)");
            }
            URI real = URI.create(database.url().substring("jdbc:".length()));
            try (TcpProxy proxy = new TcpProxy(real.getHost(), real.getPort())) {
                Map<String, String> env = Map.of("DIMMER_AUDIT_SIGNING_KEY", signingKey,
                        "FAULT_DB_PASSWORD", database.password() == null ? "" : database.password(),
                        FaultSuitePlans.DATA_PASSWORD_VARIABLE, data.password() == null ? "" : data.password(),
                        FaultSuitePlans.HOOK_SECRET_VARIABLE, "fault-hook-secret");
                String proxied = database.url().replace(":" + real.getPort() + "/", ":" + proxy.port() + "/");
                try (FaultNode a = new FaultNode("node-a", database.url(), database.user(), LEAD, env);
                     FaultNode b = new FaultNode("node-b", proxied, database.user(), LEAD, env)) {
                    a.start();
                    b.start();
                    a.awaitReady(READY);
                    b.awaitReady(READY);
                    run(run, quiet, postgres, database, data, hooks, proxy, a, b);
                }
            }
        }
    }

    private static void run(Duration run, Duration quiet, RestartablePostgres postgres, TestDatabase database,
                            TestDatabase data, HookReceiver hooks, TcpProxy proxy, FaultNode a, FaultNode b)
            throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> scheduled = new ArrayList<>();
        register(a, b, data, hooks, ids, scheduled);
        List<Outage> outages = new ArrayList<>();
        List<String> timeline = new ArrayList<>();
        AtomicLong turn = new AtomicLong();
        Instant loadStart = Instant.now();
        try (OpenLoopLoad load = new OpenLoopLoad(() -> turn.getAndIncrement() % 2 == 0 ? a.url() : b.url(), LEAD,
                ids, RATE)) {
            // the nodes' JVMs have just started: their first half minute under load is spent compiling the code
            // the load runs (on 2 cores the JIT takes most of the CPU), so the quiet figure starts after it, as a
            // benchmark's would; the warm-up's commands are checked with all the others
            long begin = load.now();
            Thread.sleep(WARM_UP.toMillis());
            long start = load.now();
            Thread.sleep(quiet.toMillis());
            long quietEnd = load.now();
            timeline.add("warm-up " + WARM_UP.toSeconds() + " s, quiet " + quiet.toSeconds() + " s");

            // node A dies with SIGKILL under load; node B carries on alone until A is back
            Instant t = Instant.now();
            a.kill();
            // the triggers node A held when it died are recovered by node B within about 9.5 s (check-in 1 s plus
            // Quartz's 7.5 s), inside the misfire threshold: they fire late, for their own slots, and none is missed
            Thread.sleep(SETTLE.toMillis());
            a.start();
            a.awaitReady(READY);
            timeline.add("node A killed, back after " + seconds(t));
            Thread.sleep(SETTLE.toMillis());

            // the database restarts: every connection of both nodes is cut, and it comes back at once
            t = Instant.now();
            postgres.restart(Duration.ofSeconds(1));
            a.awaitReady(READY);
            b.awaitReady(READY);
            outages.add(new Outage("database restart", t, Instant.now()));
            timeline.add("database restarted, both nodes ready after " + seconds(t));
            Thread.sleep(SETTLE.toMillis());

            // the database stops for 20 s
            t = Instant.now();
            postgres.stop();
            Thread.sleep(20_000);
            postgres.resume();
            a.awaitReady(READY);
            b.awaitReady(READY);
            outages.add(new Outage("database stopped 20 s", t, Instant.now()));
            timeline.add("database stopped 20 s, both nodes ready after " + seconds(t));
            Thread.sleep(SETTLE.toMillis());

            // node B's connection to the database goes silent for 15 s (a partition: nothing refused, nothing answers)
            t = Instant.now();
            proxy.silence();
            Thread.sleep(15_000);
            proxy.resume();
            b.awaitReady(READY);
            // node A reaches the database all along: it recovers what node B held, and no slot may be missed
            timeline.add("node B cut from the database 15 s, ready after " + seconds(t));

            long left = run.toNanos() - (load.now() - start);
            Thread.sleep(Math.max(SETTLE.toMillis(), left / 1_000_000));
            long end = load.now();
            Instant loadEnd = Instant.now();
            List<CommandLoad.Outcome> outcomes = load.stop();

            System.out.println("FaultSuiteTest: " + String.join("; ", timeline));
            System.out.printf("FaultSuiteTest: %d migrations, open loop at %.0f commands/s%n", ids.size(), RATE);
            System.out.println("FaultSuiteTest: quiet phase: " + load.figures(start, quietEnd));
            System.out.println("FaultSuiteTest: whole run: " + load.figures(begin, end));
            RollbackPlans.awaitCompleted(database, Duration.ofSeconds(90));
            ScheduledFirings.Findings firings = ScheduledFirings.check(database, scheduled,
                    FaultSuitePlans.VALIDATION, outages, loadStart, loadEnd);
            RollbackPlans.Findings plans = RollbackPlans.check(database, hooks.calls());
            System.out.printf("FaultSuiteTest: scheduled: %d firings of %d jobs; misses the outages explain: %s; "
                    + "problems: %s%n", firings.runs(), firings.jobs(), firings.explained(), firings.problems());
            System.out.printf("FaultSuiteTest: rollback plans: %d started, %d completed, %d webhook calls "
                    + "(%d redelivered under the same key); problems: %s%n", plans.plans(), plans.completed(),
                    plans.calls(), plans.redelivered(), plans.problems());
            Tables.awaitViewsAtLastEvents(database);
            List<String> claims = AnswerClaims.contradicted(database, outcomes);
            System.out.println("FaultSuiteTest: stored answers whose state the log contradicts: " + claims);
            // B stops (its token claims released) and A restarts without its scheduler, so that the log stands
            // still while A alone compares the views with a rebuild
            b.close();
            a.restartWith("dimmer.schedule.enabled", "false");
            Thread.sleep(SETTLE.toMillis());
            FaultTest.check("open loop, SIGKILL, database restart, database stop 20 s, connection cut", database,
                    outcomes, a.url(), LEAD);
            HttpResponse<String> verified = HTTP.send(HttpRequest.newBuilder(URI.create(a.url()
                    + "/api/audit/verify")).header("Authorization", "Bearer " + LEAD).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(CommandLoad.json(verified.body()).path("intact").asBoolean()).as(verified.body()).isTrue();
            assertThat(claims).as("stored answers whose state the log contradicts").isEmpty();
            assertThat(firings.problems()).as("scheduled firings").isEmpty();
            assertThat(plans.problems()).as("rollback plans").isEmpty();
            assertThat(plans.plans()).as("rollback plans started under the faults").isPositive();
            assertThat(load.acknowledged()).isPositive();
        }
    }

    /** 80 plain migrations, 10 whose rollback calls the webhook, 10 with a validation every 10 s; waves in SHADOW. */
    private static void register(FaultNode a, FaultNode b, TestDatabase data, HookReceiver hooks, List<String> ids,
                                 List<String> scheduled) throws Exception {
        for (int m = 0; m < MIGRATIONS; m++) {
            String id = "suite-%03d".formatted(m);
            ids.add(id);
            if (m % 10 == 1) {
                scheduled.add(id);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < MIGRATIONS; m++) {
                String id = ids.get(m);
                String url = m % 2 == 0 ? a.url() : b.url();
                String plan = m % 10 == 0 ? FaultSuitePlans.hooked(id, hooks.url("/hooks/" + id))
                        : m % 10 == 1 ? FaultSuitePlans.scheduled(id, data) : Plans.customersThenOrders(id);
                boolean validated = m % 10 == 1;
                done.add(pool.submit(() -> {
                    post(url + "/api/migrations", "application/yaml", plan, 201);
                    for (String wave : validated ? List.of("customers", "orders") : List.of("customers")) {
                        for (String reason : List.of("backfill", "shadow")) {
                            post(url + "/api/migrations/" + id + "/waves/" + wave + "/advance", "application/json",
                                    "{\"reason\": \"" + reason + "\"}", 200);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> registered : done) {
                registered.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void post(String url, String type, String body, int expected) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + LEAD).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(expected);
    }

    private static String seconds(Instant since) {
        return String.format("%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
