package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dimmer share}: print a link, list the links, revoke one, as a user would. */
class ShareCliTest {
    private static final String ID = "crm-share-cli";
    private static TestDatabase database;
    private static RunningControlPlane server;
    private static Map<String, String> lead;

    @BeforeAll
    static void start() throws IOException {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        lead = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", RunningControlPlane.LEAD,
                "DIMMER_HOME", Files.createTempDirectory("dimmer-cli-home").toString());
        server.postYaml("/api/migrations", RunningControlPlane.LEAD, Plans.customersThenOrders(ID));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void canPrintListAndRevokeALink() throws Exception {
        CliProcess.Result shared = CliProcess.run(lead, "share", ID, "--expires", "2d", "--reason", "for support");
        assertThat(shared.exitCode()).as(shared.err()).isZero();
        String url = shared.out().strip();
        assertThat(url).startsWith(server.url() + "/share/" + ID + ".");
        assertThat(shared.err()).contains("read-only link to " + ID).contains("--revoke");
        assertThat(open(url)).isEqualTo(200);

        CliProcess.Result list = CliProcess.run(lead, "share", ID, "--list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("LINK", "active", url);
        String linkId = url.substring(url.indexOf(ID + ".") + ID.length() + 1).split("\\.")[0];

        CliProcess.Result revoked = CliProcess.run(lead, "share", ID, "--revoke", linkId);
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoked");
        assertThat(open(url)).isEqualTo(410);
        assertThat(CliProcess.run(lead, "share", ID, "--list").out()).contains("revoked");

        CliProcess.Result again = CliProcess.run(lead, "share", ID, "--revoke", linkId);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("was revoked at").doesNotContain("Exception");
        CliProcess.Result tooLong = CliProcess.run(lead, "share", ID, "--expires", "1y");
        assertThat(tooLong.exitCode()).isNotZero();
        assertThat(tooLong.err()).contains("expires").doesNotContain("Exception");
    }

    private static int open(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
