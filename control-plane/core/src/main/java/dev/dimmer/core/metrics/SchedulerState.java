package dev.dimmer.core.metrics;

import java.util.Optional;

/**
 * Implemented by a scheduler bean when one runs in the server: readiness asks it, and
 * {@code dimmer_scheduler_running} shows its answer. A server without a scheduler has no such bean.
 */
public interface SchedulerState {
    /** Why the scheduler is not running (stopped, standby, cannot reach its job store), or empty when it runs. */
    Optional<String> problem();
}
