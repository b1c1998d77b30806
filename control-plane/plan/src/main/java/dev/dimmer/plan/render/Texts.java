package dev.dimmer.plan.render;

import java.util.List;

/** Small phrasing rules shared by the runbook sections. */
final class Texts {
    private Texts() {
    }

    /** A value as the plan wrote it (a name, a duration, a percentage), or a dash when left out. */
    static String orNone(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }

    static String list(List<?> values) {
        return values.isEmpty() ? "—" : String.join(", ", values.stream().map(String::valueOf).toList());
    }

    static String missing(String what) {
        return "not set (" + what + ")";
    }
}
