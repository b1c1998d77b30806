package dev.dimmer.secret;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dimmer's one way to name a secret: {@code ${env:NAME}}, resolved from the environment where Dimmer runs. Plans,
 * connection specs and the server's configuration all read it here, so the syntax cannot drift between them.
 */
public final class EnvReferences {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvReferences() {
    }

    /** Whether the whole text is one reference, as a password must be. */
    public static boolean isReference(String text) {
        return text != null && REFERENCE.matcher(text).matches();
    }

    /**
     * Replaces every reference in the text with the variable's value.
     *
     * @param missing the error to throw for a variable that is not set, given its name
     */
    public static String substitute(String text, UnaryOperator<String> environment,
                                    Function<String, ? extends RuntimeException> missing) {
        if (text == null) {
            return null;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                throw missing.apply(matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
