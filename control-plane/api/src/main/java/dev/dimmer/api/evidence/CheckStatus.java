package dev.dimmer.api.evidence;

import java.util.Locale;

/**
 * How a validation came out: passed; failed (the check ran and the data or service is wrong); errored (it could not
 * run: connection refused, bad password, missing environment variable, table gone, timeout, no data); never (no
 * result on record yet, only in reports).
 */
public enum CheckStatus {
    PASSED, FAILED, ERRORED, NEVER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
