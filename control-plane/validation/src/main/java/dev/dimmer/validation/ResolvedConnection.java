package dev.dimmer.validation;

import dev.dimmer.secret.RevealedSecrets;

/**
 * A connection with its secrets filled in; {@link #toString()} leaves them out so it cannot leak into a log, and
 * {@code secrets} turns them back into their references in any error text about this connection.
 */
public record ResolvedConnection(String url, String user, String password, String redactedUrl,
                                 RevealedSecrets secrets) {
    public ResolvedConnection {
        secrets = secrets == null ? RevealedSecrets.NONE : secrets;
    }

    /** A connection whose values were given directly, not read from the environment. */
    public ResolvedConnection(String url, String user, String password, String redactedUrl) {
        this(url, user, password, redactedUrl, RevealedSecrets.NONE);
    }

    @Override
    public String toString() {
        return redactedUrl;
    }
}
