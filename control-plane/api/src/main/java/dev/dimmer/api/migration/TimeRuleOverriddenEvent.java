package dev.dimmer.api.migration;

import java.time.Instant;

/**
 * A lead moved a wave although a time rule would have refused it: the rule set aside, the refusal it would have
 * given (with the time it would have opened) and the lead's reason. Recorded just before the move it allowed.
 *
 * @param override what was set aside (window, hold or stabilization)
 * @param refusal  the sentence the rule would have refused with
 */
public record TimeRuleOverriddenEvent(String migrationId, String wave, TimeOverride override, String refusal,
                                      String reason, Instant at) implements WaveFact {
}
