package dev.dimmer.api.plan;

/**
 * A database the migration reads or writes. The password is only ever a reference such as
 * {@code ${env:TARGET_PASSWORD}}, resolved where the connection is opened; the plan and its events never hold it.
 */
public record Connection(String jdbcUrl, String user, String password) {
}
