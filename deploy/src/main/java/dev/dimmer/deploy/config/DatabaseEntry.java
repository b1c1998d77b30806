package dev.dimmer.deploy.config;

/** The control plane's PostgreSQL in {@code dimmer.yml}; the password only as an {@code ${env:NAME}} reference. */
public record DatabaseEntry(String url, String user, String password) {
}
