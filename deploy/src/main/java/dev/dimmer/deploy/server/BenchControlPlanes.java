package dev.dimmer.deploy.server;

import dev.dimmer.bench.BenchDatabase;
import dev.dimmer.bench.ControlPlanes;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The executable's databases and control planes, lent to {@code dimmer bench events} (found by ServiceLoader). */
public final class BenchControlPlanes implements ControlPlanes {
    @Override
    public BenchDatabase database(Path dir, String url, String user, String password) {
        Database database = url == null
                ? EmbeddedDatabase.start(dir, EmbeddedDatabase.Kind.DISPOSABLE, "the bench directory " + dir)
                : Database.external(url, user, password);
        return new BenchDatabase(database.url(), database.user(), database.password(), database.describe(),
                database::close);
    }

    @Override
    public Running start(Path home, BenchDatabase database, Map<String, Object> properties) {
        ServerSettings settings = new ServerSettings(new DimmerHome(home), null, List.of(), "127.0.0.1", 0);
        // the control planes must not stop the database they share
        Database shared = Database.external(database.url(), database.user(), database.password());
        ControlPlane plane = ControlPlane.start(settings, shared, properties);
        return new Running() {
            @Override
            public ApplicationContext context() {
                return plane.context();
            }

            @Override
            public String url() {
                return plane.url();
            }

            @Override
            public String token() {
                return plane.devToken();
            }

            @Override
            public void close() {
                plane.close();
            }
        };
    }
}
