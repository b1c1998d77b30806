package dev.dimmer.deploy.page;

/**
 * What every page has around its content: its title, who is signed in (null on a share link) with the token the
 * sign-out form echoes, where live changes stream from and the address the live part reloads from.
 */
public record Chrome(String title, String who, String csrf, String eventsUrl, String selfUrl, String homeUrl, boolean shared) {
}
