package dev.dimmer.deploy.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Secrets appear in configuration only as {@code ${env:NAME}}; this resolves them, and refuses anything else. */
public final class EnvReference {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private final Map<String, String> environment;

    public EnvReference(Map<String, String> environment) {
        this.environment = environment;
    }

    public String resolveSecret(String value, String where) {
        Matcher m = REFERENCE.matcher(value == null ? "" : value.strip());
        if (!m.matches()) {
            throw new ConfigException(where + ": secrets are written as ${env:NAME} references, never as plain "
                    + "text; put the value in an environment variable and name it here");
        }
        String resolved = environment.get(m.group(1));
        if (resolved == null || resolved.isBlank()) {
            throw new ConfigException(where + ": environment variable " + m.group(1) + " is not set");
        }
        return resolved;
    }
}
