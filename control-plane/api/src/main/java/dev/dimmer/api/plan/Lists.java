package dev.dimmer.api.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Null-safe immutable copies for plan records; a plan may leave any list out. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> of(List<T> values) {
        // List.copyOf rejects null elements; a half-written list is still kept as written for diffs and errors
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
