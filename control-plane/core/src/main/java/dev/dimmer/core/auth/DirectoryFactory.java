package dev.dimmer.core.auth;

import dev.dimmer.api.actor.ActorDirectory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.axonframework.config.Configuration;

/** The one directory of actors, for the HTTP filter, the dispatch and the Slack handlers alike. */
@Factory
class DirectoryFactory {
    @Singleton
    ActorDirectory actorDirectory(ActorTokens tokens, SlackUsers slackUsers, Configuration axon) {
        return new KnownActors(tokens, slackUsers, new PlanOwners(axon::eventStore));
    }

    @Singleton
    @Requires(missingBeans = SlackUsers.class)
    SlackUsers noConfiguredUsers() {
        return SlackUsers.none();
    }
}
