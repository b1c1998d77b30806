package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dev mode: embedded PostgreSQL under the home directory, kept across restarts, and an owner-only token file. */
class DevModeTest {
    @Test
    void shouldKeepStateInTheHomeDirectoryAcrossRestarts() throws Exception {
        Path home = Files.createTempDirectory("dimmer-dev-home");
        ServerSettings settings = new ServerSettings(new DimmerHome(home), null, List.of(), "127.0.0.1", 0);

        // given a migration registered on a dev-mode server, which then stops
        String firstToken;
        try (ControlPlane plane = ControlPlane.start(settings)) {
            firstToken = Files.readString(home.resolve("token")).strip();
            assertThat(firstToken).isEqualTo(plane.devToken());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("token"))))
                    .isEqualTo("rw-------");
            HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(plane.url() + "/api/migrations"))
                    .header("Authorization", "Bearer " + firstToken).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(Plans.customersThenOrders("kept"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(201);
        }

        // when it starts again on the same home directory
        try (ControlPlane plane = ControlPlane.start(settings)) {
            // then the migration is still there, and only the fresh token opens the API
            String token = Files.readString(home.resolve("token")).strip();
            assertThat(token).isNotEqualTo(firstToken);
            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(plane.url() + "/api/migrations/kept"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"title\":\"CRM to managed PostgreSQL\"");
            HttpResponse<String> stale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(plane.url() + "/api/migrations/kept"))
                    .header("Authorization", "Bearer " + firstToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stale.statusCode()).isEqualTo(401);
        }
    }
}
