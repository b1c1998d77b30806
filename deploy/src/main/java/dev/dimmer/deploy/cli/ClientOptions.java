package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.config.DimmerHome;
import picocli.CommandLine.Option;

/** Where the server is, and whether to print JSON: shared by every command that talks to a server. */
public final class ClientOptions {
    @Option(names = "--server", paramLabel = "URL",
            description = "Control plane URL (default: $DIMMER_URL or " + ApiClient.DEFAULT_URL + ")")
    String server;

    @Option(names = "--json", description = "Print JSON instead of a table")
    boolean json;

    ApiClient client() {
        return ApiClient.locate(server, System.getenv(), DimmerHome.resolve());
    }
}
