package dev.dimmer.deploy.page;

/** The migration page: waves with timelines and checklists, evidence trends, schedule, people, runbooks. */
public record MigrationPage(Chrome chrome, MigrationCard card, String auditHref, java.util.List<WaveDetail> waves, java.util.List<Trend> trends, java.util.List<Person> owners, String channel, java.util.List<Opening> windows) {
}
