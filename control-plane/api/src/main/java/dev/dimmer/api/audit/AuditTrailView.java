package dev.dimmer.api.audit;

import java.util.List;

/** A page of a migration's audit trail, oldest first. */
public record AuditTrailView(List<AuditEntryView> entries) {
    public AuditTrailView {
        entries = List.copyOf(entries);
    }
}
