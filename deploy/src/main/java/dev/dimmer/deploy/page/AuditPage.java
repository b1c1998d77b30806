package dev.dimmer.deploy.page;

/** A migration's audit trail, filtered, with the choices the filters offer and, when asked, the verify result. */
public record AuditPage(Chrome chrome, String migrationId, String title, String migrationHref, AuditFilter filter, java.util.List<dev.dimmer.api.audit.AuditEntryView> entries, int total, java.util.List<String> types, java.util.List<String> actors, java.util.List<String> waves, java.util.List<String> channels, String verifyHref, String verdict) {
}
