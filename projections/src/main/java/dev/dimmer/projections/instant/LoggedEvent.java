package dev.dimmer.projections.instant;

import dev.dimmer.projections.EventFacts;
import java.time.Instant;

/** One event of a migration as the log stores it: what a view's fold knows of it, and when it was stored. */
record LoggedEvent(EventFacts facts, Instant storedAt) {
}
