package dev.dimmer.deploy.cli;

import dev.dimmer.core.evidence.SecretLookup;
import java.util.Map;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.core.auth.TokenGrant;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Start a control plane on a fresh embedded PostgreSQL, walk the first worked "
        + "example through every phase (with a rollback), print the audit trail, then keep serving")
final class DemoCommand implements Callable<Integer> {
    static final String PLAN = "examples/onprem-postgres-to-managed.yaml";

    @Option(names = "--port", defaultValue = "8420", description = "HTTP port (default: ${DEFAULT-VALUE}; a free one if taken)")
    int port;

    @Option(names = "--exit", description = "Stop after the walk-through instead of serving")
    boolean exit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DimmerHome home = DimmerHome.resolve();
        Path demo = home.dir().resolve("demo");
        out.println("Starting a control plane on a fresh embedded PostgreSQL in " + demo.resolve("pgdata") + " ...");
        out.println("(the demo trades durability for speed: fsync and synchronous_commit are off; "
                + "dimmer server keeps them on)");
        out.flush();
        List<String> tokens = List.of(newToken(), newToken());
        List<TokenGrant> approvers = List.of(
                TokenGrant.of(tokens.get(0), new Actor("demo-bea", "Bea (approver)", Set.of(Role.APPROVER))),
                TokenGrant.of(tokens.get(1), new Actor("demo-cai", "Cai (approver)", Set.of(Role.APPROVER))));
        // the demo keeps its token (and signing key) in its own home, so a dimmer server's ~/.dimmer/token stays
        boolean portFree = free(port);
        ServerSettings settings = new ServerSettings(new DimmerHome(demo), null, approvers, "127.0.0.1",
                portFree ? port : 0);
        EmbeddedDatabase database = EmbeddedDatabase.start(demo, EmbeddedDatabase.Kind.DISPOSABLE,
                "the demo in DIMMER_HOME " + home.dir());
        DemoDatabases data;
        try {
            data = DemoDatabases.create(database);
        } catch (java.sql.SQLException e) {
            database.close();
            throw new IOException("the demo could not make its source and target databases: " + e.getMessage(), e);
        }
        out.println("Made a source and a target database with the worked example's tables (2,000 customers, "
                + "10,000 orders, 30,000 order lines); the target is a copy of the source");
        out.flush();
        Map<String, String> secrets = data.secrets();
        SecretLookup lookup = name -> secrets.containsKey(name) ? secrets.get(name) : System.getenv(name);
        try (DemoMetrics metrics = DemoMetrics.start();
             ControlPlane plane = Servers.start(settings, database, List.of(lookup))) {
            if (!portFree) {
                out.println("Port " + port + " is taken (is dimmer server running?), so the demo serves on "
                        + plane.url() + " instead; a running server and its ~/.dimmer/token are left alone");
            }
            out.println("The checkout service's Prometheus is played by the demo at " + metrics.url()
                    + " (error rate 0.2%), so the plan's metric check has something to ask");
            ApiClient client = new ApiClient(URI.create(plane.url()), plane.devToken());
            List<ApiClient> voters = tokens.stream().map(token -> new ApiClient(URI.create(plane.url()), token))
                    .toList();
            String[] walked = new DemoWalkthrough(client, voters, out, data).run(data.pointPlanAtDemo(readPlan(),
                    metrics.url()));
            DemoOperations.print(client, out);
            out.println();
            if (exit) {
                out.println("The demo's control plane stops now (--exit); run ./dimmer demo without --exit to explore "
                        + "it from another terminal while it serves");
                DemoPages.print(out, plane.url(), walked[0]);
                out.flush();
            } else {
                out.println("The control plane keeps its state; explore it from another terminal (the demo's own "
                        + "token, in " + settings.home().tokenFile() + "):");
                out.println("  export DIMMER_URL=" + plane.url());
                out.println("  export DIMMER_TOKEN=" + plane.devToken());
                out.println("  ./dimmer status");
                out.println("  ./dimmer audit " + walked[0]);
                out.println("  ./dimmer rollback " + walked[0] + " " + walked[1] + " --reason \"try a rollback\"");
                DemoPages.print(out, plane.url(), walked[0]);
                out.flush();
                out.println("Serving on " + plane.url() + " until Ctrl-C");
                out.flush();
                Servers.serveUntilStopped(plane);
            }
        }
        return 0;
    }

    private static String readPlan() throws IOException {
        try (var in = DemoCommand.class.getClassLoader().getResourceAsStream(PLAN)) {
            if (in == null) {
                throw new IOException(PLAN + " is missing from the build; rebuild with ./mvnw package");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return "demo_" + java.util.HexFormat.of().formatHex(bytes);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
