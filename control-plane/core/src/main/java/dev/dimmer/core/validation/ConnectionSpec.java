package dev.dimmer.core.validation;

import dev.dimmer.core.secret.EnvReferences;
import java.util.function.UnaryOperator;

/**
 * How to reach one database: a JDBC URL, an optional user and the name of the environment variable holding the
 * password. {@code ${env:NAME}} anywhere in the URL or user is replaced from the environment, so secrets never
 * appear on a command line or in a plan.
 */
public record ConnectionSpec(String url, String user, String passwordEnv) {
    public ResolvedConnection resolved(UnaryOperator<String> environment) {
        String password = null;
        if (passwordEnv != null && !passwordEnv.isBlank()) {
            password = environment.apply(passwordEnv);
            if (password == null) {
                throw new ValidationException("environment variable " + passwordEnv
                        + " is not set: export it with the password of " + redactedUrl());
            }
        }
        return new ResolvedConnection(substitute(url, environment), substitute(user, environment), password,
                redactedUrl());
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
