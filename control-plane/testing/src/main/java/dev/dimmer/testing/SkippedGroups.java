package dev.dimmer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Gathers the tests that skipped themselves (no MariaDB, no Prometheus, no external PostgreSQL, ...) by reason,
 * and writes one line per reason to {@code target/dimmer-skipped-tests.txt}, which the build prints on the
 * console after each module's tests: a plain {@code ./mvnw verify} says what it did not test, and why.
 */
public final class SkippedGroups implements TestExecutionListener {
    static final Path FILE = Path.of("target", "dimmer-skipped-tests.txt");
    private static final Map<String, Integer> BY_REASON = new TreeMap<>();

    static {
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            // a stale list is only printed once more; nothing to stop the tests for
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        count(reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED && test.isTest()) {
            count(result.getThrowable().map(Throwable::getMessage).orElse("no reason given"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        StringBuilder lines = new StringBuilder();
        synchronized (BY_REASON) {
            BY_REASON.forEach((reason, count) -> lines.append("skipped ").append(count)
                    .append(count == 1 ? " test: " : " tests: ").append(reason).append('\n'));
        }
        if (lines.isEmpty() || !Files.isDirectory(FILE.getParent())) {
            return;
        }
        try {
            Files.writeString(FILE, lines);
        } catch (IOException e) {
            System.err.println("could not write " + FILE + ": " + e.getMessage());
        }
    }

    private static void count(String reason) {
        String line = reason == null || reason.isBlank() ? "no reason given" : reason.strip().lines().findFirst()
                .orElse(reason).replaceFirst("^Assumption failed: ", "");
        synchronized (BY_REASON) {
            BY_REASON.merge(line, 1, Integer::sum);
        }
    }
}
