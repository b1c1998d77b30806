package dev.dimmer.deploy.page;

/** The overview: every migration at a glance. */
public record OverviewPage(Chrome chrome, java.util.List<MigrationCard> migrations) {
}
