package dev.dimmer.validation;

import dev.dimmer.secret.EnvReferences;
import dev.dimmer.secret.RevealedSecrets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * How to reach one database: a JDBC URL, an optional user and the name of the environment variable holding the
 * password. {@code ${env:NAME}} anywhere in the URL or user is replaced from the environment, so secrets never
 * appear on a command line or in a plan; every value so read is remembered, so that errors show the reference.
 */
public record ConnectionSpec(String url, String user, String passwordEnv) {
    public ResolvedConnection resolved(UnaryOperator<String> environment) {
        AtomicReference<RevealedSecrets> secrets = new AtomicReference<>(RevealedSecrets.NONE);
        UnaryOperator<String> remembering = name -> {
            String value = environment.apply(name);
            secrets.set(secrets.get().with(value, "${env:" + name + "}"));
            return value;
        };
        String password = null;
        if (passwordEnv != null && !passwordEnv.isBlank()) {
            password = remembering.apply(passwordEnv);
            if (password == null) {
                throw new ValidationException("environment variable " + passwordEnv
                        + " is not set: export it with the password of " + redactedUrl());
            }
        }
        String resolvedUrl = substitute(url, remembering);
        String resolvedUser = substitute(user, remembering);
        return new ResolvedConnection(resolvedUrl, resolvedUser, password, redactedUrl(), secrets.get());
    }

    /** The URL without its query parameters and user info, safe to print. */
    public String redactedUrl() {
        if (url == null) {
            return "(no url)";
        }
        String withoutQuery = url.replaceAll("[?;].*$", "");
        return withoutQuery.replaceAll("//[^/@]*@", "//");
    }

    private static String substitute(String text, UnaryOperator<String> environment) {
        return EnvReferences.substitute(text, environment, name -> new ValidationException("environment variable "
                + name + " is not set: export it or remove ${env:" + name + "}"));
    }
}
