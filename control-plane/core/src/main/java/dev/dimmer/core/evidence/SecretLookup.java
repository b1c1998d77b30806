package dev.dimmer.core.evidence;

/**
 * Where the runner reads the secrets a plan names as {@code ${env:NAME}}: the server's environment. An executable
 * that makes its own databases (the demo) gives the control plane a lookup that knows their passwords too.
 */
@FunctionalInterface
public interface SecretLookup {
    /** The value of the variable, or null when it is not set. */
    String get(String name);
}
