package dev.dimmer.deploy.page;

/** An upcoming opening of the cutover window, and the freeze it falls in, if any. */
public record Opening(java.time.Instant at, String local, String freeze) {
}
