package dev.dimmer.bench;

import dev.dimmer.validation.Database;
import dev.dimmer.validation.DiffRequest;
import dev.dimmer.validation.DiffResult;
import dev.dimmer.validation.DiffingTables;
import dev.dimmer.validation.ProgressListener;
import dev.dimmer.validation.ResolvedConnection;
import dev.dimmer.validation.TableRef;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dimmer bench diff}: builds two large PostgreSQL tables with ten planted differences and times, in one
 * run, Dimmer's checksum diff against the floor (a bare hash scan of each table), pg_comparator when installed,
 * and the cross-engine rate against MariaDB when one is given.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Benchmark dimmer diff against bare hash scans, pg_comparator and a MariaDB target.")
public final class BenchDiffCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000000", description = "rows per table (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "external PostgreSQL (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres); "
                    + "default: an embedded PostgreSQL")
    String url;

    @Option(names = "--password-env", paramLabel = "NAME", description = "environment variable with its password")
    String passwordEnv;

    @Option(names = "--mariadb-url", paramLabel = "JDBC_URL",
            description = "MariaDB server for the cross-engine rate (e.g. jdbc:mariadb://127.0.0.1:3306/?user=root)")
    String mariaDbUrl;

    @Option(names = "--cross-rows", defaultValue = "1000000",
            description = "rows compared across engines (default: ${DEFAULT-VALUE})")
    long crossRows;

    /** Runs the benchmark on its own, before (or without) the {@code dimmer} executable registering it. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchDiffCommand()).execute(args));
    }

    @Option(names = "--runs", defaultValue = "3",
            description = "time each measurement this many times and keep the fastest, since other work on the "
                    + "machine only ever slows a run down (default: ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String password = passwordEnv == null ? null : System.getenv(passwordEnv);
        try (BenchPostgres server = url == null ? BenchPostgres.embedded() : BenchPostgres.external(url, password)) {
            server.recreateDatabase();
            out.printf(Locale.ROOT, "dimmer bench diff: %,d rows per table on %s, %d cores; best of %d runs "
                    + "(pg_comparator: %d)%n", rows, server.description(), Runtime.getRuntime().availableProcessors(),
                    runs, Math.max(1, runs - 1));
            out.flush();
            PlantedDifferences planted;
            long buildStarted = System.nanoTime();
            try (Connection c = server.connect(BenchPostgres.DATABASE)) {
                planted = new BuildingBenchTables().build(c, rows);
            }
            out.printf(Locale.ROOT, "  built and vacuumed both tables in %.0f s%n", seconds(buildStarted));
            out.flush();
            double[] floorCpu = {Double.MAX_VALUE};
            double dimmerCpu = Double.MAX_VALUE;
            double[] scans;
            DiffResult result = null;
            try (PostgresCpuProbe cpu = new PostgresCpuProbe(server.connect(BenchPostgres.DATABASE))) {
                scans = bareScans(server, cpu, floorCpu);
                for (int run = 0; run < runs; run++) {
                    double before = cpu.seconds();
                    DiffResult again = dimmerDiff(server);
                    dimmerCpu = Math.min(dimmerCpu, cpu.seconds() - before);
                    result = result == null || again.timings().totalMillis() < result.timings().totalMillis()
                            ? again : result;
                }
            }
            double floor = scans[0] + scans[1];
            double dimmer = result.timings().totalMillis() / 1000.0;
            boolean exact = exactlyPlanted(result, planted);
            RunningPgComparator.Outcome comparator = new RunningPgComparator().run(server, Math.max(1, runs - 1));
            out.printf(Locale.ROOT, "  %-34s %8.2f s%n", "bare hash scan, source", scans[0]);
            out.printf(Locale.ROOT, "  %-34s %8.2f s%n", "bare hash scan, target", scans[1]);
            out.printf(Locale.ROOT, "  %-34s %8.2f s%n", "floor (both scans)", floor);
            out.printf(Locale.ROOT, "  %-34s %8.2f s   %.2fx the floor; found %d of %d planted differences%s "
                            + "(checksum %.2f s, bisect %.2f s, %d statements, %s hash)%n", "dimmer diff", dimmer,
                    dimmer / floor, result.differences(), planted.size(), exact ? " exactly" : ", NOT exactly",
                    result.timings().checksumMillis() / 1000.0, result.timings().bisectMillis() / 1000.0,
                    result.timings().statements(), result.hashMode().name().toLowerCase(Locale.ROOT));
            if (!Double.isNaN(dimmerCpu) && !Double.isNaN(floorCpu[0])) {
                // Server CPU is not inflated by other work sharing the cores, unlike wall time.
                out.printf(Locale.ROOT, "  %-34s %8.2f s   floor %.2f s of CPU: %.2fx%n", "  server CPU time of the diff",
                        dimmerCpu, floorCpu[0], dimmerCpu / floorCpu[0]);
            }
            if (comparator.skipped() == null) {
                out.printf(Locale.ROOT, "  %-34s %8.2f s   dimmer is %.1fx faster; it reported %d differences%n",
                        "pg_comparator", comparator.seconds(), comparator.seconds() / dimmer, comparator.differences());
            } else {
                out.printf(Locale.ROOT, "  %-34s skipped: %s%n", "pg_comparator", comparator.skipped());
            }
            out.flush();
            MeasuringCrossEngineRate.Outcome cross = mariaDbUrl == null ? null
                    : new MeasuringCrossEngineRate().measure(server, mariaDbUrl, Math.min(crossRows, rows),
                    runs);
            if (cross == null) {
                out.printf(Locale.ROOT, "  %-34s skipped: no --mariadb-url%n", "cross-engine PostgreSQL vs MariaDB");
            } else {
                // Rows hashed on both sides over the core-seconds of the run: 2 x rows / (wall x cores); and over
                // the CPU seconds the two servers actually used, which other work on the machine does not inflate.
                int cores = Runtime.getRuntime().availableProcessors();
                out.printf(Locale.ROOT, "  %-34s %8.2f s   %,d rows per side, %,.0f rows/s per core (wall x %d cores)"
                                + "%s%n", "cross-engine PostgreSQL vs MariaDB", cross.seconds(), cross.rows(),
                        2.0 * cross.rows() / cross.seconds() / cores, cores,
                        cross.equal() ? "" : " (NOT equal: check the data)");
                if (!Double.isNaN(cross.cpuSeconds()) && cross.cpuSeconds() > 0) {
                    out.printf(Locale.ROOT, "  %-34s %8.2f s   %,.0f rows/s per CPU-second of the two servers%n",
                            "  server CPU time", cross.cpuSeconds(), 2.0 * cross.rows() / cross.cpuSeconds());
                }
            }
            out.println("goals: all 10 found exactly " + verdict(exact)
                    + "; >= 2x faster than pg_comparator " + (comparator.skipped() == null
                    ? verdict(comparator.seconds() / dimmer >= 2) : "n/a")
                    + "; <= 1.3x the floor " + verdict(dimmer <= 1.3 * floor) + " (wall), "
                    + (Double.isNaN(dimmerCpu) || Double.isNaN(floorCpu[0]) ? "n/a"
                    : verdict(dimmerCpu <= 1.3 * floorCpu[0])) + " (CPU)"
                    + "; cross-engine >= 600,000 rows/s per core " + (cross == null ? "n/a"
                    : verdict(2.0 * cross.rows() / cross.seconds() / Runtime.getRuntime().availableProcessors()
                    >= 600_000) + " (wall), " + (Double.isNaN(cross.cpuSeconds()) ? "n/a"
                    : verdict(2.0 * cross.rows() / cross.cpuSeconds() >= 600_000)) + " (CPU)"));
            out.flush();
            return exact ? 0 : 1;
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** Wall seconds of the fastest scan of each table; {@code cpu[0]} gets the least server CPU of a pair. */
    private double[] bareScans(BenchPostgres server, PostgresCpuProbe probe, double[] cpu) throws Exception {
        double[] seconds = new double[2];
        try (Connection c = server.connect(BenchPostgres.DATABASE); Statement s = c.createStatement()) {
            String[] tables = {"source", "target"};
            for (String table : tables) {
                scan(s, table);
            }
            Arrays.fill(seconds, Double.MAX_VALUE);
            for (int run = 0; run < runs; run++) {
                double before = probe.seconds();
                for (int i = 0; i < tables.length; i++) {
                    long started = System.nanoTime();
                    scan(s, tables[i]);
                    seconds[i] = Math.min(seconds[i], seconds(started));
                }
                cpu[0] = Math.min(cpu[0], probe.seconds() - before);
            }
        }
        return seconds;
    }

    private static void scan(Statement statement, String table) throws Exception {
        try (ResultSet rows = statement.executeQuery("SELECT sum(hash_record_extended(t, 0)) FROM "
                + BuildingBenchTables.SCHEMA + "." + table + " t")) {
            rows.next();
        }
    }

    private DiffResult dimmerDiff(BenchPostgres server) {
        ResolvedConnection connection = new ResolvedConnection(server.url(BenchPostgres.DATABASE), server.user(),
                server.password(), "bench");
        try (Database source = Database.open("source", connection, 2, Duration.ofHours(1));
             Database target = Database.open("target", connection, 2, Duration.ofHours(1))) {
            return new DiffingTables().diff(source, target, DiffRequest.of(
                    new TableRef(BuildingBenchTables.SCHEMA, "source"), new TableRef(BuildingBenchTables.SCHEMA,
                            "target"), List.of("id")), ProgressListener.NONE);
        }
    }

    private static boolean exactlyPlanted(DiffResult result, PlantedDifferences planted) {
        return ids(result.missingInTarget()).equals(Set.copyOf(planted.missingInTarget()))
                && ids(result.extraInTarget()).equals(Set.copyOf(planted.extraInTarget()))
                && ids(result.changed().stream().map(row -> row.key()).toList()).equals(Set.copyOf(planted.changed()))
                && result.differences() == planted.size();
    }

    private static Set<Long> ids(List<Map<String, Object>> keys) {
        Set<Long> ids = new HashSet<>();
        keys.forEach(key -> ids.add(((Number) key.get("id")).longValue()));
        return ids;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
