package dev.dimmer.core.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** The body of a rehearsal: a dry run or not (not when left out), and why. */
@Introspected
public record RehearsalRequest(@Nullable @JsonAlias("dry_run") Boolean dryRun, @Nullable String reason) {
}
