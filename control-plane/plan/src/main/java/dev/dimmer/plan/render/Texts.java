package dev.dimmer.plan.render;

import java.util.List;

/** Small phrasing rules shared by the runbook sections. */
final class Texts {
    private Texts() {
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    static String list(List<?> values) {
        return values.isEmpty() ? "—" : String.join(", ", values.stream().map(String::valueOf).toList());
    }

    static String missing(String what) {
        return "not set (" + what + ")";
    }
}
