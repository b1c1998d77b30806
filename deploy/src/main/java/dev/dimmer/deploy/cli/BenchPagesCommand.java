package dev.dimmer.deploy.cli;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.core.auth.TokenGrant;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.Database;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pages", description = "The status pages' overview (HTML) with many migrations, beside the JSON "
        + "status list of the same process")
final class BenchPagesCommand implements Callable<Integer> {
    private static final Actor LEAD = new Actor("bench", "Bench", Set.of(Role.LEAD, Role.VIEWER));
    private static final String TOKEN = "bench-pages-token-0123456789";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Option(names = "--migrations", defaultValue = "100", description = "Migrations on the board (default: ${DEFAULT-VALUE})")
    int migrations;

    @Option(names = "--requests", defaultValue = "1000", description = "Timed requests per page (default: ${DEFAULT-VALUE})")
    int requests;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("dimmer-bench");
        Database database = EmbeddedDatabase.start(temp, EmbeddedDatabase.Kind.DISPOSABLE,
                "the bench directory " + temp);
        out.printf("dimmer bench pages: %d migrations of 3 waves, %d requests each, sequential, %d cores, %s%n",
                migrations, requests, Runtime.getRuntime().availableProcessors(), database.describe());
        out.flush();
        ServerSettings settings = new ServerSettings(new DimmerHome(temp), null, List.of(TokenGrant.of(TOKEN, LEAD)),
                "127.0.0.1", 0);
        Database shared = Database.external(database.url(), database.user(), database.password());
        try (ControlPlane plane = ControlPlane.start(settings, shared, Map.of("dimmer.axon.aggregate-cache", true,
                "dimmer.slack.notifier.enabled", false))) {
            register(plane.context().getBean(CommandGateway.class));
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String cookie = signIn(http, plane.url());
            awaitBoard(http, plane.url(), cookie);
            HttpRequest overview = HttpRequest.newBuilder(URI.create(plane.url() + "/")).header("Cookie", cookie)
                    .build();
            HttpRequest json = HttpRequest.newBuilder(URI.create(plane.url() + "/api/migrations"))
                    .header("Authorization", "Bearer " + TOKEN).build();
            HttpRequest one = HttpRequest.newBuilder(URI.create(plane.url() + "/migrations/bench-pages-1"))
                    .header("Cookie", cookie).build();
            Timing jsonTimes = time(http, json, requests);
            Timing pageTimes = time(http, overview, requests);
            Timing oneTimes = time(http, one, Math.max(1, requests / 5));
            out.println();
            out.printf("%-46s %8s %8s %8s %10s%n", "", "p50 ms", "p99 ms", "max ms", "bytes");
            out.printf("%-46s %8.2f %8.2f %8.2f %10d%n", "GET /api/migrations (JSON, baseline)", jsonTimes.p(50),
                    jsonTimes.p(99), jsonTimes.p(100), jsonTimes.bytes());
            out.printf("%-46s %8.2f %8.2f %8.2f %10d   goal p99 < 50 ms, < 100 KB%n", "GET / (overview page, HTML)",
                    pageTimes.p(50), pageTimes.p(99), pageTimes.p(100), pageTimes.bytes());
            out.printf("%-46s %8.2f %8.2f %8.2f %10d   goal < 100 KB%n", "GET /migrations/{id} (migration page)",
                    oneTimes.p(50), oneTimes.p(99), oneTimes.p(100), oneTimes.bytes());
            HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create(plane.url() + "/"))
                    .header("Cookie", cookie).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            out.printf("overview on the wire with Accept-Encoding: gzip: %d bytes (%s)%n", zipped.body().length,
                    zipped.headers().firstValue("Content-Encoding").orElse("not compressed"));
            out.printf("overview p99 / JSON p99 = %.2f; times are request to last byte over loopback, so they "
                    + "hold the server's time and a little of the client's%n", pageTimes.p(99) / jsonTimes.p(99));
        } finally {
            database.close();
        }
        return 0;
    }

    /** Registers the migrations and moves every other one's first wave to SHADOW, to fill the board. */
    // Object, not CommandGateway: picocli reads every command's signatures when the CLI starts, and local commands
    // (plan lint, diff) must load no Axon class
    private void register(Object gateway) {
        CommandGateway bus = (CommandGateway) gateway;
        for (int i = 1; i <= migrations; i++) {
            String id = "bench-pages-" + i;
            bus.sendAndWait(new ApplyPlanCommand(id, new MigrationPlan(id, "Bench migration " + i,
                    List.of(new Owner("bench", "Bench", Role.LEAD)),
                    List.of(new WavePlan("customers", List.of(), List.of(10, 50)),
                            new WavePlan("orders", List.of("customers"), List.of(25)),
                            new WavePlan("invoices", List.of("orders"), List.of(50)))), by()));
            if (i % 2 == 0) {
                bus.sendAndWait(new AdvanceWaveCommand(id, "customers", null, by()));
                bus.sendAndWait(new AdvanceWaveCommand(id, "customers", null, by()));
            }
        }
    }

    private static Provenance by() {
        return new Provenance(LEAD, Channel.CLI, "bench", Instant.now());
    }

    private static String signIn(HttpClient http, String url) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(url + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in form has no csrf field");
        }
        String formCookie = form.headers().allValues("Set-Cookie").get(0).split(";")[0];
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", url)
                .header("Cookie", formCookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&token="
                        + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dimmer_session="))
                .findFirst().orElseThrow(() -> new IllegalStateException("sign-in answered "
                        + signedIn.statusCode())).split(";")[0];
    }

    private void awaitBoard(HttpClient http, String url, String cookie) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/")).header("Cookie", cookie).build();
        while (System.nanoTime() < deadline) {
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(migrations + " migration(s).")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the board never showed " + migrations + " migrations");
    }

    private static Timing time(HttpClient http, HttpRequest request, int count) throws Exception {
        for (int i = 0; i < Math.max(50, count / 5); i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        }
        double[] millis = new double[count];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            check(answer);
            bytes = answer.body().length;
        }
        Arrays.sort(millis);
        return new Timing(millis, bytes);
    }

    private static void check(HttpResponse<byte[]> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.uri() + " answered " + answer.statusCode());
        }
    }

    private record Timing(double[] sorted, long bytes) {
        double p(int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
