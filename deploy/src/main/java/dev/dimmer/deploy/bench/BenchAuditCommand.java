package dev.dimmer.deploy.bench;

import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.LedgerReport;
import dev.dimmer.api.ledger.MerkleTree;
import dev.dimmer.core.audit.LedgerVerifier;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.Database;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What the audit ledger costs: commands with the notary on and off, the verify rate, proofs for a million leaves. */
@Command(name = "audit", description = "Measure the audit notary's cost on commands, the verify rate and proof sizes")
public final class BenchAuditCommand implements Callable<Integer> {
    @Option(names = "--commands", defaultValue = "10000", description = "Commands per run (default: ${DEFAULT-VALUE})")
    int commands;

    @Option(names = "--senders", defaultValue = "4", description = "Concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;

    @Option(names = "--migrations", defaultValue = "40", description = "Migrations the commands spread over (default: ${DEFAULT-VALUE})")
    int migrations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchEventsCommand load = new BenchEventsCommand();
        load.commands = commands;
        load.senders = senders;
        load.migrations = migrations;
        out.printf("dimmer bench audit: %d commands per run, %d senders, %d migrations, %d cores%n", commands, senders,
                migrations, Runtime.getRuntime().availableProcessors());
        out.flush();
        double off = commandsPerSecond(load, false, null);
        double[] verify = new double[2];
        double on = commandsPerSecond(load, true, verify);
        out.printf("%-52s %12.0f/s%n", "commands, notary off (dimmer.audit.notary=false)", off);
        out.printf("%-52s %12.0f/s   %+.1f %% (goal: at most 10 %% slower)%n", "commands, notary on", on,
                100 * (on - off) / off);
        out.printf("%-52s %12.0f/s   (%.0f events, goal >= 200,000/s)%n", "verify: recompute every leaf and root",
                verify[0] / verify[1], verify[0]);
        int n = 1 << 20;
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(Leaf.hash(Integer.toString(i).getBytes()));
        }
        long started = System.nanoTime();
        MerkleTree.root(leaves);
        double rootSeconds = (System.nanoTime() - started) / 1e9;
        int inclusion = MerkleTree.inclusionProof(leaves, n / 3, n).size() * MerkleTree.HASH_SIZE;
        int consistency = MerkleTree.consistencyProof(leaves, n - 12_345, n).size() * MerkleTree.HASH_SIZE;
        out.printf("%-52s %12.2f s%n", "root of 1,048,576 leaves", rootSeconds);
        out.printf("%-52s %12d bytes (log2 n x 32)%n", "inclusion proof in a 1,048,576-leaf tree", inclusion);
        out.printf("%-52s %12d bytes%n", "consistency proof 1,036,231 -> 1,048,576 leaves", consistency);
        return 0;
    }

    private double commandsPerSecond(BenchEventsCommand load, boolean notary, double[] verify) throws Exception {
        Path temp = Files.createTempDirectory("dimmer-bench-audit");
        Database database = EmbeddedDatabase.start(temp, EmbeddedDatabase.Kind.DISPOSABLE, "the bench directory " + temp);
        try {
            ServerSettings settings = new ServerSettings(new DimmerHome(temp), null, List.of(), "127.0.0.1", 0);
            Database shared = Database.external(database.url(), database.user(), database.password());
            try (ControlPlane plane = ControlPlane.start(settings, shared, Map.of("dimmer.axon.aggregate-cache", false,
                    "dimmer.slack.notifier.enabled", false, "dimmer.audit.notary", notary))) {
                CommandGateway bus = plane.context().getBean(CommandGateway.class);
                double rate = load.sendCommands(bus, load.prepare(bus));
                if (verify != null) {
                    LedgerVerifier verifier = plane.context().getBean(LedgerVerifier.class);
                    verifier.verify(null);
                    long started = System.nanoTime();
                    LedgerReport report = verifier.verify(null);
                    verify[1] = (System.nanoTime() - started) / 1e9;
                    verify[0] = report.events();
                    if (!report.intact()) {
                        throw new IllegalStateException("the bench's own log does not verify: " + report.problems().get(0));
                    }
                }
                return rate;
            }
        } finally {
            database.close();
        }
    }
}
