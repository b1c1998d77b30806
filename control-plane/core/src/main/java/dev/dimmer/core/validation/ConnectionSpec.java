package dev.dimmer.core.validation;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach one database: a JDBC URL, an optional user and the name of the environment variable holding the
 * password. {@code ${env:NAME}} anywhere in the URL or user is replaced from the environment, so secrets never
 * appear on a command line or in a plan.
 */
public record ConnectionSpec(String url, String user, String passwordEnv) {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

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
        if (text == null) {
            return null;
        }
        Matcher matcher = ENV_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                throw new ValidationException("environment variable " + matcher.group(1)
                        + " is not set: export it or remove ${env:" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
