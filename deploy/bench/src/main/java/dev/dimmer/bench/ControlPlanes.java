package dev.dimmer.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * What {@code dimmer bench events} needs from the executable: a database and control planes started on it. The
 * executable provides it through {@link ServiceLoader}, so the benchmarks need not depend on the module that
 * includes them.
 */
public interface ControlPlanes {
    /** The database at {@code url}, or a fresh, disposable embedded one under {@code dir} when it is null. */
    BenchDatabase database(Path dir, String url, String user, String password);

    /** A control plane on that database with extra properties; closing it leaves the database running. */
    Running start(Path home, BenchDatabase database, Map<String, Object> properties);

    interface Running extends AutoCloseable {
        ApplicationContext context();

        /** The HTTP base URL, e.g. {@code http://127.0.0.1:41234}. */
        String url();

        /** A token that holds every role (the dev-mode token). */
        String token();

        @Override
        void close();
    }

    static ControlPlanes provided() {
        return ServiceLoader.load(ControlPlanes.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no control plane to benchmark on the class path; run the bench from the dimmer executable"));
    }
}
