package dev.dimmer.deploy.server;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.core.auth.ActorTokens;
import dev.dimmer.core.auth.SlackUsers;
import dev.dimmer.core.auth.TokenGrant;
import dev.dimmer.deploy.config.ConfigException;
import dev.dimmer.deploy.config.ServerSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running control plane: its database, the Micronaut application (Axon, Flyway, HTTP API) and, in dev mode,
 * the token written to the home directory for the CLI.
 */
public final class ControlPlane implements AutoCloseable {
    public static final Actor DEV_ACTOR = new Actor("local", "Local developer", EnumSet.allOf(Role.class));
    private static final Map<String, String> SLACK_VARIABLES = Map.of(
            "DIMMER_SLACK_BOT_TOKEN", "dimmer.slack.bot-token",
            "DIMMER_SLACK_SIGNING_SECRET", "dimmer.slack.signing-secret",
            "DIMMER_SLACK_APP_TOKEN", "dimmer.slack.app-token",
            "DIMMER_SLACK_API_URL", "dimmer.slack.api-url");
    private final Database database;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final String devToken;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ControlPlane(Database database, ApplicationContext context, EmbeddedServer server, String devToken) {
        this.database = database;
        this.context = context;
        this.server = server;
        this.devToken = devToken;
    }

    public static ControlPlane start(ServerSettings settings) {
        Database database = settings.devMode()
                ? EmbeddedDatabase.start(settings.home().dir(), EmbeddedDatabase.Kind.KEPT,
                        "DIMMER_HOME " + settings.home().dir())
                : Database.external(settings.database().url(), settings.database().user(),
                        settings.database().password());
        return start(settings, database, Map.of());
    }

    /** Starts on a database someone else owns and stops; extra properties tune the application (tests, bench). */
    public static ControlPlane start(ServerSettings settings, Database database, Map<String, Object> extra) {
        return start(settings, database, extra, List.of());
    }

    /**
     * As above, with beans the caller makes itself, e.g. the demo's secret lookup that knows the passwords of the
     * databases it made.
     */
    public static ControlPlane start(ServerSettings settings, Database database, Map<String, Object> extra,
                                     List<Object> beans) {
        List<TokenGrant> grants = new ArrayList<>(settings.grants());
        String devToken = null;
        try {
            if (settings.devMode() || grants.isEmpty()) {
                if (!settings.devMode()) {
                    throw new ConfigException("no API tokens configured; add tokens to dimmer.yml "
                            + "(see README, Configuration) before serving a shared database");
                }
                devToken = newToken();
                settings.home().writeToken(devToken);
                grants.add(TokenGrant.of(devToken, DEV_ACTOR));
            }
            Map<String, Object> properties = new HashMap<>();
            properties.put("datasources.default.url", database.url());
            properties.put("datasources.default.username", database.user());
            properties.put("datasources.default.password", database.password());
            properties.put("micronaut.server.host", settings.host());
            properties.put("micronaut.server.port", settings.port());
            // an embedded database has one server by construction, so the aggregate cache is safe there
            properties.put("dimmer.axon.aggregate-cache", settings.devMode());
            properties.put("dimmer.audit.key-file", settings.home().dir().resolve("audit-signing-key.pem").toString());
            SLACK_VARIABLES.forEach((variable, property) -> {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    properties.put(property, value);
                }
            });
            properties.putAll(extra);
            ApplicationContext context = ApplicationContext.builder()
                    .properties(properties)
                    .singletons(new ActorTokens(grants), new SlackUsers(settings.slackUsers()))
                    .singletons(beans.toArray())
                    .banner(false)
                    .start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new ControlPlane(database, context, server, devToken);
        } catch (IOException e) {
            database.close();
            throw new ConfigException("could not write the dev-mode token to " + settings.home().tokenFile()
                    + ": " + e.getMessage());
        } catch (RuntimeException e) {
            database.close();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof dev.dimmer.chatbot.SlackSettingsRejected slack) {
                    throw new ConfigException(slack.getMessage());
                }
            }
            throw e;
        }
    }

    /** The banner's line on Slack: off, or on with how commands arrive and which workspace. */
    public String slackStatus() {
        return context.findBean(dev.dimmer.chatbot.SlackConnection.class)
                .map(dev.dimmer.chatbot.SlackConnection::describe).orElse("Slack: off");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "dmr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String url() {
        return "http://" + server.getHost() + ":" + server.getPort();
    }

    public String devToken() {
        return devToken;
    }

    public ApplicationContext context() {
        return context;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // the scheduler first: a job firing while Axon shuts down would find no command handler
            context.findBean(dev.dimmer.core.schedule.ScheduleEngine.class)
                    .ifPresent(dev.dimmer.core.schedule.ScheduleEngine::stop);
            // Axon next: its processors and the store's reader still use the pool the context is about to close
            context.getBean(org.axonframework.config.Configuration.class).shutdown();
            context.close();
        } finally {
            database.close();
        }
    }
}
