package dev.dimmer.bench;

/** The PostgreSQL database a bench runs on; closing it stops what was started for it. */
public record BenchDatabase(String url, String user, String password, String description, Runnable stop)
        implements AutoCloseable {
    @Override
    public void close() {
        stop.run();
    }
}
