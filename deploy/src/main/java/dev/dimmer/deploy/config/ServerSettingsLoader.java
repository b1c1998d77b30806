package dev.dimmer.deploy.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.core.auth.TokenGrant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code dimmer.yml} (from {@code --config}, {@code DIMMER_CONFIG} or the home directory) and the
 * {@code DIMMER_DATABASE_*} variables into the settings a server starts with.
 */
public final class ServerSettingsLoader {
    private final Map<String, String> env;
    private final EnvReference references;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ServerSettingsLoader(Map<String, String> env) {
        this.env = env;
        this.references = new EnvReference(env);
    }

    public ServerSettings load(DimmerHome home, Path configOption, String host, int port) {
        Path file = configOption != null ? configOption
                : env.containsKey("DIMMER_CONFIG") ? Path.of(env.get("DIMMER_CONFIG")) : home.configFile();
        boolean named = configOption != null || env.containsKey("DIMMER_CONFIG");
        ServerConfigFile config = read(file, named);
        DatabaseEntry database = database(config, file);
        List<TokenGrant> grants = new ArrayList<>();
        for (int i = 0; i < config.tokens().size(); i++) {
            grants.add(grant(config.tokens().get(i), file + ": tokens[" + i + "]"));
        }
        List<Actor> slackUsers = new ArrayList<>();
        for (int i = 0; i < config.slackUsers().size(); i++) {
            slackUsers.add(slackUser(config.slackUsers().get(i), file + ": slack_users[" + i + "]"));
        }
        return new ServerSettings(home, database, grants, host, port, slackUsers);
    }

    private ServerConfigFile read(Path file, boolean named) {
        if (!Files.exists(file)) {
            if (named) {
                throw new ConfigException(file + ": no such configuration file");
            }
            return ServerConfigFile.empty();
        }
        String text = "";
        try {
            text = Files.readString(file);
            if (text.isBlank()) {
                return ServerConfigFile.empty();
            }
            ServerConfigFile config = yaml.readValue(text, ServerConfigFile.class);
            return config == null ? ServerConfigFile.empty() : config;
        } catch (UnrecognizedPropertyException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            throw new ConfigException(file + ":" + FieldLines.find(text, e.getPropertyName(), e.getLocation())
                    + ": " + path + ": unknown field; known here: " + String.join(", ",
                    e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(where + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " (fields: database{url,user,password}, tokens[{actor,name,roles,token|token_sha256}], "
                    + "slack_users[{id,name,roles}])");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Set<Role> roles(List<String> names, String where) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String role : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.parse(role));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ".roles: " + e.getMessage());
            }
        }
        if (roles.isEmpty()) {
            throw new ConfigException(where + ".roles: give at least one of lead, approver, operator, viewer, auditor, consumer, metrics");
        }
        return roles;
    }

    private DatabaseEntry database(ServerConfigFile config, Path file) {
        String url = env.get("DIMMER_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new DatabaseEntry(url, env.getOrDefault("DIMMER_DATABASE_USER", ""),
                    env.getOrDefault("DIMMER_DATABASE_PASSWORD", ""));
        }
        DatabaseEntry entry = config.database();
        if (entry == null || entry.url() == null || entry.url().isBlank()) {
            return null;
        }
        String password = entry.password() == null || entry.password().isBlank() ? ""
                : references.resolveSecret(entry.password(), file + ": database.password");
        return new DatabaseEntry(entry.url(), entry.user() == null ? "" : entry.user(), password);
    }

    private Actor slackUser(SlackUserEntry entry, String where) {
        if (entry.id() == null || !entry.id().matches("[UW][A-Z0-9]{2,}")) {
            throw new ConfigException(where + ".id: give the Slack user id (e.g. U024BE7LH; profile, Copy member ID)");
        }
        return new Actor(entry.id(), entry.name(), roles(entry.roles(), where));
    }

    private TokenGrant grant(TokenEntry entry, String where) {
        if (entry.actor() == null || entry.actor().isBlank()) {
            throw new ConfigException(where + ".actor: missing; name who the token stands for");
        }
        Actor actor = new Actor(entry.actor(), entry.name(), roles(entry.roles(), where));
        if (entry.tokenSha256() != null && !entry.tokenSha256().isBlank()) {
            try {
                byte[] digest = HexFormat.of().parseHex(entry.tokenSha256().strip());
                if (digest.length != 32) {
                    throw new IllegalArgumentException("wrong length");
                }
                return new TokenGrant(digest, actor);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ".token_sha256: expected 64 hex digits (sha256sum of the token)");
            }
        }
        if (entry.token() == null) {
            throw new ConfigException(where + ": give token: ${env:NAME} or token_sha256: HEX");
        }
        return TokenGrant.of(references.resolveSecret(entry.token(), where + ".token"), actor);
    }
}
