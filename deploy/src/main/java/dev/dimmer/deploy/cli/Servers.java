package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.config.ConfigException;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.Database;

/** Starts a control plane and says plainly when its port is taken. */
final class Servers {
    private Servers() {
    }

    static ControlPlane start(ServerSettings settings) {
        return portChecked(settings, () -> ControlPlane.start(settings));
    }

    static ControlPlane start(ServerSettings settings, Database database) {
        return portChecked(settings, () -> ControlPlane.start(settings, database, java.util.Map.of()));
    }

    static ControlPlane start(ServerSettings settings, Database database, java.util.List<Object> beans) {
        return portChecked(settings, () -> ControlPlane.start(settings, database, java.util.Map.of(), beans));
    }

    private static ControlPlane portChecked(ServerSettings settings, java.util.function.Supplier<ControlPlane> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            if (isPortTaken(e)) {
                throw new ConfigException("port " + settings.port() + " on " + settings.host() + " is in use; "
                        + "stop what uses it or choose another with --port");
            }
            throw e;
        }
    }

    /**
     * Blocks until the process is told to stop (Ctrl-C, SIGTERM), then closes the control plane in the shutdown hook
     * before letting the caller go on, so Axon, the pool and PostgreSQL stop in order and once.
     */
    static void serveUntilStopped(ControlPlane plane) throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            plane.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    static boolean isPortTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
