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

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** "1 go vote", "2 go votes". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
