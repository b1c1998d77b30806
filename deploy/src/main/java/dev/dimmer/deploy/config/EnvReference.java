package dev.dimmer.deploy.config;

import dev.dimmer.secret.EnvReferences;
import java.util.Map;

/** Secrets appear in configuration only as {@code ${env:NAME}}; this resolves them, and refuses anything else. */
public final class EnvReference {
    private final Map<String, String> environment;

    public EnvReference(Map<String, String> environment) {
        this.environment = environment;
    }

    public String resolveSecret(String value, String where) {
        String reference = value == null ? "" : value.strip();
        if (!EnvReferences.isReference(reference)) {
            throw new ConfigException(where + ": secrets are written as ${env:NAME} references, never as plain "
                    + "text; put the value in an environment variable and name it here");
        }
        String resolved = EnvReferences.substitute(reference, environment::get,
                name -> new ConfigException(where + ": environment variable " + name + " is not set"));
        if (resolved.isBlank()) {
            throw new ConfigException(where + ": environment variable " + reference.substring(6,
                    reference.length() - 1) + " is not set");
        }
        return resolved;
    }
}
