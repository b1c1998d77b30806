package dev.dimmer.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Times pg_comparator (Debian package postgresql-comparator) on the benchmark tables, when it can run. */
final class RunningPgComparator {
    /** Its wall time and the difference lines it printed, or why it was not run. */
    record Outcome(double seconds, int differences, String skipped) {
    }

    /** The fastest of {@code runs} runs, or why it was not run. */
    Outcome run(BenchPostgres server, int runs) throws IOException, InterruptedException {
        Outcome best = null;
        for (int i = 0; i < runs; i++) {
            Outcome outcome = runOnce(server);
            if (outcome.skipped() != null) {
                return outcome;
            }
            best = best == null || outcome.seconds() < best.seconds() ? outcome : best;
        }
        return best;
    }

    private Outcome runOnce(BenchPostgres server) throws IOException, InterruptedException {
        Optional<String> executable = onPath("pg_comparator");
        if (executable.isEmpty()) {
            return new Outcome(0, 0, "pg_comparator is not installed (apt-get install postgresql-comparator)");
        }
        try (Connection c = server.connect(BenchPostgres.DATABASE); Statement s = c.createStatement()) {
            // Its default checksum (ck) lives in the pgcmp extension, shipped for the distribution's server only.
            s.execute("CREATE EXTENSION IF NOT EXISTS pgcmp");
        } catch (SQLException e) {
            return new Outcome(0, 0, "the pgcmp extension pg_comparator needs is not available on this server "
                    + "(run with --url of the distribution's PostgreSQL)");
        }
        String base = "pgsql://" + server.user() + "@" + server.host() + ":" + server.port() + "/"
                + BenchPostgres.DATABASE + "/" + BuildingBenchTables.SCHEMA + ".";
        ProcessBuilder builder = new ProcessBuilder(executable.get(), "--max-ratio=0.5",
                base + "source?id:name,amount,created_at", base + "target?id:name,amount,created_at");
        builder.redirectErrorStream(true);
        if (server.password() != null) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        long started = System.nanoTime();
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        long differences = lines.stream().filter(line -> line.matches("^(UPDATE|INSERT|DELETE) .*")).count();
        if (exit > 1) {
            return new Outcome(seconds, (int) differences, "pg_comparator failed (exit " + exit + "): "
                    + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
        }
        return new Outcome(seconds, (int) differences, null);
    }

    private static Optional<String> onPath(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(directory, name);
            if (candidate.canExecute()) {
                return Optional.of(candidate.getPath());
            }
        }
        return Optional.empty();
    }
}
