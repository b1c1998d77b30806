package dev.dimmer.core.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock of the edge: commands are stamped here, so aggregates never read one. */
@Factory
class ClockFactory {
    // a clock handed to the context at start (a test's, moved by hand) takes its place
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
