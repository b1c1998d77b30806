package dev.dimmer.api.evidence;

/** The checklist of a wave's next transition, as the aggregate would judge it now. */
public record FindGateChecklistQuery(String migrationId, String wave) {
}
