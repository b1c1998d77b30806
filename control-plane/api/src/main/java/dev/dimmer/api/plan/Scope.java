package dev.dimmer.api.plan;

import java.util.List;

/** What the migration changes and, as plainly, what it leaves alone. */
public record Scope(List<String> includes, List<String> excludes) {
    public static final Scope NONE = new Scope(null, null);

    public Scope {
        includes = Lists.of(includes);
        excludes = Lists.of(excludes);
    }
}
