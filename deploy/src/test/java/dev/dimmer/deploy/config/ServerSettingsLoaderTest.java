package dev.dimmer.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.api.actor.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsLoaderTest {
    private static ServerSettings load(String yaml, Map<String, String> env) throws IOException {
        Path dir = Files.createTempDirectory("dimmer-config");
        Files.writeString(dir.resolve("dimmer.yml"), yaml);
        return new ServerSettingsLoader(env).load(new DimmerHome(dir), null, "127.0.0.1", 8420);
    }

    @Test
    void canResolveSecretsFromTheEnvironment() throws IOException {
        ServerSettings settings = load("""
                database:
                  url: jdbc:postgresql://db/dimmer
                  user: dimmer
                  password: ${env:DB_PASSWORD}
                tokens:
                  - actor: U01ADA
                    name: Ada
                    roles: [lead, viewer]
                    token: ${env:ADA_TOKEN}
                """, Map.of("DB_PASSWORD", "s3cret", "ADA_TOKEN", "ada-token"));
        assertThat(settings.devMode()).isFalse();
        assertThat(settings.database().password()).isEqualTo("s3cret");
        assertThat(settings.grants()).hasSize(1);
        assertThat(settings.grants().get(0).actor().roles()).containsExactlyInAnyOrder(Role.LEAD, Role.VIEWER);
    }

    @Test
    void cannotTakeAPlainTextSecret() {
        assertThatThrownBy(() -> load("tokens:\n  - {actor: ci, roles: [operator], token: hunter2}\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("dimmer.yml: tokens[0].token: secrets are written as ${env:NAME} references, "
                        + "never as plain text; put the value in an environment variable and name it here")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void cannotStartWithAnUnsetVariable() {
        assertThatThrownBy(() -> load("tokens:\n  - {actor: ci, roles: [operator], token: '${env:CI_TOKEN}'}\n",
                Map.of()))
                .hasMessageEndingWith("tokens[0].token: environment variable CI_TOKEN is not set");
    }

    @Test
    void shouldSayWhereAnUnknownFieldIs() {
        assertThatThrownBy(() -> load("database:\n  url: jdbc:postgresql://db/x\n  passwd: x\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("dimmer.yml:3:3: database.passwd: unknown field; known here: password, url, "
                        + "user");
    }

    @Test
    void cannotGrantAnUnknownRole() {
        assertThatThrownBy(() -> load("tokens:\n  - {actor: ci, roles: [admin], token_sha256: "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}\n", Map.of()))
                .hasMessageEndingWith("tokens[0].roles: unknown role 'admin'; expected one of lead, approver, "
                        + "operator, viewer, auditor, consumer, metrics");
    }

    @Test
    void shouldRunInDevModeWithoutADatabase() throws IOException {
        ServerSettings settings = load("", Map.of());
        assertThat(settings.devMode()).isTrue();
        assertThat(settings.grants()).isEmpty();
    }

    @Test
    void shouldPreferTheDatabaseVariableOverTheFile() throws IOException {
        ServerSettings settings = load("database:\n  url: jdbc:postgresql://file/x\n",
                Map.of("DIMMER_DATABASE_URL", "jdbc:postgresql://env/y", "DIMMER_DATABASE_USER", "u"));
        assertThat(settings.database().url()).isEqualTo("jdbc:postgresql://env/y");
    }
}
