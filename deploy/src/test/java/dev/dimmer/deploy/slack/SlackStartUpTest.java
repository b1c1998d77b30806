package dev.dimmer.deploy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.config.ConfigException;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Slack settings are checked when the server starts, and the banner says whether Slack is on and where. */
class SlackStartUpTest {
    private static TestDatabase database;
    private static FakeSlack slack;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.newDatabase();
        slack = new FakeSlack();
    }

    @AfterAll
    static void stop() {
        slack.close();
        database.close();
    }

    private static Map<String, Object> slackWith(String botToken, String... more) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("dimmer.slack.bot-token", botToken,
                "dimmer.slack.api-url", slack.apiUrl()));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    void shouldNameTheWorkspaceAndHowCommandsArriveInTheBanner() {
        RunningControlPlane server = RunningControlPlane.on(database, slackWith("xoxb-good",
                "dimmer.slack.signing-secret", SlackPlans.SECRET), List.of());
        try {
            assertThat(server.plane().slackStatus()).isEqualTo("Slack: on, workspace Dimmer "
                    + "(https://dimmer.slack.com/) as @dimmer; slash commands over HTTP at POST /slack/events");
            assertThat(slack.calls("auth.test")).isNotEmpty();
        } finally {
            server.close();
        }
        RunningControlPlane quiet = RunningControlPlane.on(database);
        try {
            assertThat(quiet.plane().slackStatus()).startsWith("Slack: off (set DIMMER_SLACK_BOT_TOKEN");
        } finally {
            quiet.close();
        }
    }

    @Test
    void cannotStartWithABotTokenSlackRefuses() {
        // given
        slack.refuseNext("auth.test", 1, "invalid_auth");
        // when / then one line that names the variable
        assertThatThrownBy(() -> RunningControlPlane.on(database, slackWith("xoxb-revoked"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Slack refused the start-up check (auth.test: invalid_auth): "
                        + "DIMMER_SLACK_BOT_TOKEN is not valid")
                .hasMessageNotContaining("\n");
    }

    @Test
    void cannotStartWithATokenInTheWrongVariable() {
        assertThatThrownBy(() -> RunningControlPlane.on(database, slackWith("xapp-1-A0-123"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DIMMER_SLACK_BOT_TOKEN holds an app-level token (xapp-...); put it in "
                        + "DIMMER_SLACK_APP_TOKEN");
    }
}
