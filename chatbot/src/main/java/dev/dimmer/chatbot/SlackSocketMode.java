package dev.dimmer.chatbot;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode, for installations without a public URL: with {@code DIMMER_SLACK_APP_TOKEN} set, the same Bolt app
 * takes its slash commands and interactions over a WebSocket that Dimmer opens to Slack.
 */
@Context
@Requires(property = "dimmer.slack.app-token")
@Requires(beans = App.class)
final class SlackSocketMode {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
    private final SocketModeApp socketMode;

    SlackSocketMode(App app, SlackSettings settings) throws java.io.IOException {
        this.socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
    }

    @PostConstruct
    void start() throws Exception {
        socketMode.startAsync();
        LOG.info("Slack Socket Mode started");
    }

    @PreDestroy
    void stop() throws Exception {
        socketMode.stop();
    }
}
