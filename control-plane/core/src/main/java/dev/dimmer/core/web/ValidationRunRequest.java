package dev.dimmer.core.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The body of a validation run request: why, and optionally which validations only. */
@Introspected
public record ValidationRunRequest(@Nullable String reason, @Nullable List<String> only) {
}
