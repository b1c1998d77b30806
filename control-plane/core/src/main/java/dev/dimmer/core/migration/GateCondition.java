package dev.dimmer.core.migration;

import dev.dimmer.api.migration.RejectionCode;

/**
 * One line of a transition's checklist: what kind of condition (validation, approvals, dependency, phase), its name,
 * whether it holds now, the detail people read, and the code a refusal carries when it does not hold.
 */
record GateCondition(String kind, String name, boolean met, String detail, RejectionCode code) {
}
