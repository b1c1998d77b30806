package dev.dimmer.deploy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

/** Socket Mode: Dimmer opens the WebSocket (here to a local server) and answers slash commands over it. */
class SlackSocketModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Slack's side of the socket: says hello, then hands over one envelope and keeps what comes back. */
    private static final class SlackSocket extends WebSocketServer {
        final BlockingQueue<WebSocket> connected = new ArrayBlockingQueue<>(4);
        final BlockingQueue<String> received = new ArrayBlockingQueue<>(16);

        SlackSocket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            socket.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0APP\"}}");
            connected.add(socket);
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
        }

        @Override
        public void onStart() {
        }
    }

    @Test
    void canAnswerASlashCommandOverSocketMode() throws Exception {
        SlackSocket socket = new SlackSocket();
        socket.start();
        try (TestDatabase database = TestPostgres.newDatabase(); FakeSlack slack = new FakeSlack()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (socket.getPort() == 0 && System.nanoTime() < deadline) {
                FakeSlack.sleep(10);
            }
            slack.socketModeUrl("ws://127.0.0.1:" + socket.getPort() + "/link");
            try (RunningControlPlane server = RunningControlPlane.on(database, Map.of(
                    "dimmer.slack.bot-token", "xoxb-test", "dimmer.slack.app-token", "xapp-test",
                    "dimmer.slack.api-url", slack.apiUrl()), SlackPlans.CONFIGURED)) {
                WebSocket connection = socket.connected.poll(15, TimeUnit.SECONDS);
                assertThat(connection).as("Dimmer connected over Socket Mode").isNotNull();
                assertThat(slack.calls("apps.connections.open")).isNotEmpty();

                Map<String, Object> command = Map.of("token", "legacy", "team_id", FakeSlack.TEAM,
                        "channel_id", FakeSlack.CHANNEL_ID, "user_id", SlackPlans.VIEWER, "user_name", "vic",
                        "command", "/migration", "text", "help", "api_app_id", "A0APP",
                        "response_url", slack.responseUrl("socket"), "trigger_id", "1.2.3");
                connection.send(JSON.writeValueAsString(Map.of("envelope_id", "env-1", "type", "slash_commands",
                        "accepts_response_payload", true, "payload", command)));

                JsonNode ack = null;
                for (String message = socket.received.poll(15, TimeUnit.SECONDS); message != null;
                     message = socket.received.poll(15, TimeUnit.SECONDS)) {
                    JsonNode node = JSON.readTree(message);
                    if ("env-1".equals(node.path("envelope_id").asText())) {
                        ack = node;
                        break;
                    }
                }
                assertThat(ack).as("the envelope was acknowledged").isNotNull();
                assertThat(ack.path("payload").path("text").asText()).contains("/gonogo MIGRATION WAVE");
            }
        } finally {
            socket.stop(1000);
        }
    }
}
