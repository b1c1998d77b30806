package dev.dimmer.plan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Phrases one changed value the same way everywhere in a plan diff. */
final class Changes {
    private Changes() {
    }

    static void value(List<String> changes, String what, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        changes.add(what + " changed: " + show(before) + " → " + show(after));
    }

    static void list(List<String> changes, String what, List<?> before, List<?> after) {
        if (Objects.equals(before, after)) {
            return;
        }
        changes.add(what + " " + join(before) + " → " + join(after));
    }

    static String join(List<?> values) {
        return values.isEmpty() ? "(none)" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String show(Object value) {
        return value == null ? "(none)" : value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
