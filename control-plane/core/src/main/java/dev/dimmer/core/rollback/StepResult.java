package dev.dimmer.core.rollback;

/**
 * What running one step came to: done (with what it did, e.g. "HTTP 200", "3 rows"), failed (a one-line reason),
 * or cut short because the node is stopping (neither: the step is run again after the restart).
 */
public record StepResult(Kind kind, String detail, long durationMillis) {
    public enum Kind { SUCCEEDED, FAILED, INTERRUPTED }

    static StepResult succeeded(String detail, long started) {
        return new StepResult(Kind.SUCCEEDED, detail, elapsed(started));
    }

    static StepResult failed(String reason, long started) {
        return new StepResult(Kind.FAILED, oneLine(reason), elapsed(started));
    }

    static StepResult interrupted(long started) {
        return new StepResult(Kind.INTERRUPTED, "interrupted", elapsed(started));
    }

    public boolean succeeded() {
        return kind == Kind.SUCCEEDED;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String oneLine(String text) {
        String line = text == null ? "failed" : text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
