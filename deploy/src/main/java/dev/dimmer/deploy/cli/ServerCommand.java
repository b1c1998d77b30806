package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.config.ServerSettingsLoader;
import dev.dimmer.deploy.server.ControlPlane;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "server", description = "Run the control plane (embedded PostgreSQL unless a database is configured)")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8420", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $DIMMER_CONFIG or DIMMER_HOME/dimmer.yml)")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        DimmerHome home = DimmerHome.resolve();
        ServerSettings settings = new ServerSettingsLoader(System.getenv()).load(home, config, host, port);
        try (ControlPlane plane = Servers.start(settings)) {
            var out = spec.commandLine().getOut();
            out.println("Dimmer control plane listening on " + plane.url() + " (" + plane.database().describe() + ")");
            out.println(plane.slackStatus());
            if (plane.devToken() != null) {
                out.println("dev mode: the CLI's token is in " + home.tokenFile() + " (mode 600)");
            }
            out.println("Ctrl-C to stop");
            out.flush();
            Servers.serveUntilStopped(plane);
        }
        return 0;
    }
}
