package dev.dimmer.deploy.page;

import dev.dimmer.api.audit.AuditEntryView;
import java.util.List;

/** A migration's audit trail, filtered, with the choices the filters offer and, when asked, the verify result. */
public record AuditPage(Chrome chrome, String migrationId, String title, String migrationHref, AuditFilter filter,
                        List<AuditEntryView> entries, int total, List<String> types, List<String> actors,
                        List<String> waves, List<String> channels, String verifyHref, LedgerVerdict verdict) {
}
