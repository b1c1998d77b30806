package dev.dimmer.bench;

import dev.dimmer.api.ledger.Checkpoint;
import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.LedgerKeys;
import dev.dimmer.api.ledger.MerkleTree;
import dev.dimmer.api.ledger.Proofs;
import dev.dimmer.core.audit.Notary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the audit ledger costs: commands on one control plane in alternating bursts with the notary paused and on
 * (so that the machine's changing load weighs on both alike), the verify rate beside a bare read of the same rows,
 * and proofs for a million leaves. Every figure is a median.
 */
@Command(name = "audit", description = "Measure the audit notary's cost on commands, the verify rate and proof sizes")
public final class BenchAuditCommand implements Callable<Integer> {
    @Option(names = "--commands", defaultValue = "10000", description = "Commands per run (default: ${DEFAULT-VALUE})")
    int commands;

    @Option(names = "--senders", defaultValue = "4", description = "Concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;

    @Option(names = "--migrations", defaultValue = "40", description = "Migrations the commands spread over (default: ${DEFAULT-VALUE})")
    int migrations;

    @Option(names = "--rounds", defaultValue = "8", description = "Rounds of one burst with the notary off and one "
            + "with it on, the order alternating; medians count (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--verify-events", defaultValue = "200000", description = "Events in the log verified: a fresh "
            + "log's, topped up with copies of its events, notarised (default: ${DEFAULT-VALUE})")
    int verifyEvents;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "An empty PostgreSQL database for the "
            + "command rounds (default: a fresh embedded one); the verify rate always uses a fresh embedded one")
    String databaseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int burst = Math.max(senders, commands / (2 * rounds));
        out.printf("dimmer bench audit: %d rounds of %d commands with the notary off and %d on, %d senders, "
                + "%d migrations, %d cores, load average %.1f%n", rounds, burst, burst, senders, migrations,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.flush();
        double[] off = new double[rounds];
        double[] on = new double[rounds];
        double[] ratios = new double[rounds];
        double[] shares = new double[rounds];
        double[] sequencing = new double[rounds];
        double[][] cpu = new double[4][rounds];
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Path temp = Files.createTempDirectory("dimmer-bench-audit");
        ControlPlanes planes = ControlPlanes.provided();
        BenchDatabase database = planes.database(temp, databaseUrl,
                System.getenv().getOrDefault("DIMMER_DATABASE_USER", ""),
                System.getenv().getOrDefault("DIMMER_DATABASE_PASSWORD", ""));
        try (ControlPlanes.Running plane = planes.start(temp, database, Map.of("dimmer.axon.aggregate-cache", false,
                "dimmer.slack.notifier.enabled", false))) {
            BenchBus bus = new BenchBus(plane.context().getBean(
                    org.axonframework.commandhandling.gateway.CommandGateway.class));
            Notary notary = plane.context().getBean(Notary.class);
            PostgresCpuProbe probe = new PostgresCpuProbe(plane.context().getBean(javax.sql.DataSource.class)
                    .getConnection());
            BenchEventsCommand load = load(burst);
            List<String> ids = load.prepare(bus);
            load.sendCommands(bus, ids);
            for (int i = 0; i < rounds; i++) {
                // off first in even rounds, on first in odd ones: a drifting load weighs on both alike
                for (boolean paused : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    // each burst starts with the control plane caught up with the one before (views, switches)
                    Idle.await(java.time.Duration.ofSeconds(30));
                    notary.pauseForBenchmark(paused);
                    long recordBefore = notary.recordNanos();
                    long sequenceBefore = notary.sequenceNanos();
                    long started = System.nanoTime();
                    long jvmBefore = os.getProcessCpuTime();
                    double postgresBefore = probe.seconds();
                    double rate = load.sendCommands(bus, ids);
                    // CPU per command of the control plane's JVM and of PostgreSQL, in µs
                    cpu[paused ? 0 : 2][i] = (os.getProcessCpuTime() - jvmBefore) / 1e3 / burst;
                    cpu[paused ? 1 : 3][i] = (probe.seconds() - postgresBefore) * 1e6 / burst;
                    if (!paused) {
                        // the notary's own time inside the commands' transactions, against the senders' busy time
                        double busy = (System.nanoTime() - started) * (double) senders;
                        shares[i] = (notary.recordNanos() - recordBefore) / busy;
                        sequencing[i] = (notary.sequenceNanos() - sequenceBefore) / 1e6 / burst;
                    }
                    if (paused) {
                        off[i] = rate;
                    } else {
                        on[i] = rate;
                    }
                }
                notary.pauseForBenchmark(false);
                ratios[i] = on[i] / off[i];

                out.printf("  round %d: notary off %.0f/s, on %.0f/s (%+.1f %%)%n", i + 1, off[i], on[i],
                        100 * (ratios[i] - 1));
                out.flush();
            }
            probe.close();
        } finally {
            database.close();
        }
        LedgerRates verify = verifyRates();
        double ratio = median(ratios);
        out.println();
        out.printf("%-58s %14s %8s%n", "(medians of " + rounds + " rounds)", "", "ratio");
        out.printf("%-58s %12.0f/s %8s%n", "commands, notary paused (appends not notarised)", median(off), "1.00");
        out.printf("%-58s %12.0f/s %8.2f   %+.1f %% (median of the rounds' ratios; goal: at most 10 %% slower)%n",
                "commands, notary on", median(on), ratio, 100 * (ratio - 1));
        out.printf("%-58s %8.0f µs JVM + %.0f µs PostgreSQL%n", "CPU per command, notary paused",
                median(cpu[0]), median(cpu[1]));
        out.printf("%-58s %8.0f µs JVM + %.0f µs PostgreSQL   %.2f x%n", "CPU per command, notary on",
                median(cpu[2]), median(cpu[3]), (median(cpu[2]) + median(cpu[3])) / (median(cpu[0]) + median(cpu[1])));
        out.printf("%-58s %12.1f %%   of the senders' time, inside the commands' transactions%n",
                "notary's own time on the command path", 100 * median(shares));
        out.printf("%-58s %12.3f ms per command, off the command path%n", "sequencer (leaf indices, background)",
                median(sequencing));
        out.printf("%-58s %12.0f/s %8s   (%d events, median of %d)%n", "bare read of the joined rows, no hashing",
                verify.bare(), "1.00", verify.events(), LedgerRates.TIMES);
        out.printf("%-58s %12.0f/s %8.2f   (wall time, on this machine as loaded)%n",
                "verify: recompute every leaf and root", verify.verify(), verify.verify() / verify.bare());
        out.printf("%-58s %12.1f µs JVM + %.1f µs PostgreSQL%n", "verify: CPU per event", verify.jvmMicros(),
                verify.postgresMicros());
        out.printf("%-58s %12.0f/s            goal >= 200,000/s%n", "verify: on two free cores (2 / CPU per event)",
                verify.onTwoFreeCores());
        proofs(out);
        return 0;
    }

    private BenchEventsCommand load(int burst) {
        BenchEventsCommand load = new BenchEventsCommand();
        load.commands = burst;
        load.senders = senders;
        load.migrations = migrations;
        return load;
    }

    /** A fresh log with the notary on throughout, a few commands topped up with copies, verified. */
    private LedgerRates verifyRates() throws Exception {
        Path temp = Files.createTempDirectory("dimmer-bench-audit");
        ControlPlanes planes = ControlPlanes.provided();
        BenchDatabase database = planes.database(temp, null, "", "");
        try (ControlPlanes.Running plane = planes.start(temp, database, Map.of("dimmer.axon.aggregate-cache", false,
                "dimmer.slack.notifier.enabled", false))) {
            BenchBus bus = new BenchBus(plane.context().getBean(
                    org.axonframework.commandhandling.gateway.CommandGateway.class));
            BenchEventsCommand load = load(Math.min(commands, 2000));
            load.sendCommands(bus, load.prepare(bus));
            return LedgerRates.measure(plane.context(), verifyEvents);
        } finally {
            database.close();
        }
    }

    private void proofs(PrintWriter out) {
        int n = 1 << 20;
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(Leaf.hash(Integer.toString(i).getBytes()));
        }
        long started = System.nanoTime();
        byte[] root = MerkleTree.root(leaves);
        double rootSeconds = (System.nanoTime() - started) / 1e9;
        List<byte[]> inclusion = MerkleTree.inclusionProof(leaves, n / 3, n);
        List<byte[]> consistency = MerkleTree.consistencyProof(leaves, n - 12_345, n);
        KeyPair key = LedgerKeys.generate();
        String origin = "dimmer.0123abcd/audit";
        String note = new Checkpoint(origin, n, root, List.of("time 2026-12-08T10:00:00.123456Z"))
                .sign(origin, key.getPrivate(), key.getPublic());
        String older = new Checkpoint(origin, n - 12_345, MerkleTree.root(leaves, 0, n - 12_345),
                List.of("time 2026-12-08T09:59:00.123456Z")).sign(origin, key.getPrivate(), key.getPublic());
        String eventId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        byte[] binary = Proofs.inclusion(eventId, 1_234_567, n / 3, n, leaves.get(n / 3), inclusion, note);
        byte[] binaryConsistency = Proofs.consistency(n - 12_345, n, consistency, older, note);
        out.printf("%-58s %12.2f s%n", "root of 1,048,576 leaves", rootSeconds);
        out.printf("%-58s %12d bytes (log2 n x 32)%n", "inclusion path in a 1,048,576-leaf tree",
                inclusion.size() * MerkleTree.HASH_SIZE);
        out.printf("%-58s %12d bytes   goal <= 1,024%n", "inclusion proof file, binary, with its signed checkpoint",
                binary.length);
        out.printf("%-58s %12d bytes%n", "consistency proof file 1,036,231 -> 1,048,576, binary, 2 checkpoints",
                binaryConsistency.length);
        if (!Proofs.read(binary).verify(key.getPublic())) {
            throw new IllegalStateException("the bench's own inclusion proof does not verify");
        }
        byte[] flipped = Arrays.copyOf(binary, binary.length);
        flipped[200] ^= 1;
        if (Proofs.read(flipped).verify(key.getPublic())) {
            throw new IllegalStateException("the bench's inclusion proof verifies with a byte changed");
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
