package dev.dimmer.deploy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.deploy.config.ConfigException;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.config.ServerSettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code slack_users:} in dimmer.yml: Slack user ids with the roles they hold everywhere. */
class SlackUsersConfigTest {
    private static ServerSettings load(String yaml) throws IOException {
        Path home = Files.createTempDirectory("dimmer-slack-config");
        Files.writeString(home.resolve("dimmer.yml"), yaml);
        return new ServerSettingsLoader(Map.of()).load(new DimmerHome(home), null, "127.0.0.1", 0);
    }

    @Test
    void canNameSlackUsersAndTheirRoles() throws IOException {
        ServerSettings settings = load("""
                slack_users:
                  - {id: U024BE7LH, name: Ana Lima, roles: [lead, viewer]}
                """);
        assertThat(settings.slackUsers()).containsExactly(new Actor("U024BE7LH", "Ana Lima",
                Set.of(Role.LEAD, Role.VIEWER)));
    }

    @Test
    void cannotNameASlackUserWithoutAnIdOrARole() {
        assertThatThrownBy(() -> load("slack_users:\n  - {id: ana, roles: [lead]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("slack_users[0].id: give the Slack user id");
        assertThatThrownBy(() -> load("slack_users:\n  - {id: U024BE7LH, roles: [boss]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("slack_users[0].roles: unknown role 'boss'");
    }
}
