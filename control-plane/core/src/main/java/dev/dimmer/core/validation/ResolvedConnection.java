package dev.dimmer.core.validation;

/** A connection with its secrets filled in; {@link #toString()} leaves them out so it cannot leak into a log. */
public record ResolvedConnection(String url, String user, String password, String redactedUrl) {
    @Override
    public String toString() {
        return redactedUrl;
    }
}
