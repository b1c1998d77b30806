package dev.dimmer.deploy.page;

/** The sign-in form: the token it echoes, and what went wrong last time, if anything. */
public record SignInPage(String csrf, String problem) {
}
