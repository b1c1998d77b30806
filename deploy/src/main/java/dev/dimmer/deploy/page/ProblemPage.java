package dev.dimmer.deploy.page;

/** A page that says what is wrong and what to do. */
public record ProblemPage(Chrome chrome, String heading, String detail) {
}
