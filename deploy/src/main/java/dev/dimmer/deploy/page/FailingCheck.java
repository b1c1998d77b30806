package dev.dimmer.deploy.page;

/** The latest check of a migration whose newest result failed or errored. */
public record FailingCheck(String wave, String validation, String status, java.time.Instant at, String summary) {
}
