package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /api/health says down, quickly, while the database does not answer, and up again once it does. */
class HealthTest {
    @Test
    void shouldAnswerDownWithinTwoSecondsWhileTheDatabaseIsSilent() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase()) {
            URI real = URI.create(database.url().substring("jdbc:".length()));
            try (TcpProxy proxy = new TcpProxy(real.getHost(), real.getPort())) {
                String proxied = database.url().replace(":" + real.getPort() + "/", ":" + proxy.port() + "/");
                try (RunningControlPlane server = RunningControlPlane.on(database, proxied)) {
                    Answer up = server.get("/api/health", null);
                    assertThat(up.status()).isEqualTo(200);
                    assertThat(up.body().path("status").asText()).isEqualTo("up");

                    proxy.silence();
                    for (int i = 0; i < 3; i++) {
                        long started = System.nanoTime();
                        Answer down = server.get("/api/health", null);
                        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                        assertThat(down.status()).isEqualTo(503);
                        assertThat(down.body().path("status").asText()).isEqualTo("down");
                        assertThat(down.body().path("database").asText()).isEqualTo("down");
                    }

                    proxy.resume();
                    server.await("/api/health", null, body -> body.path("status").asText().equals("up"));
                }
            }
        }
    }
}
