package dev.dimmer.deploy.cli;

import dev.dimmer.api.evidence.CheckResult;
import java.time.Instant;

/**
 * One validation's result as reports show it: what it found, when it ran, and the run it belongs to on a server
 * (null for a local run, which no server recorded).
 */
public record ReportedCheck(CheckResult result, Instant at, String runId) {
}
