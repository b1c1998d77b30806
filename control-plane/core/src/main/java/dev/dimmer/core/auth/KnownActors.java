package dev.dimmer.core.auth;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.ActorDirectory;
import dev.dimmer.api.plan.Owner;
import java.util.List;
import java.util.Optional;

/** The directory of actors: the server's API tokens and Slack users, and each migration's plan owners. */
public final class KnownActors implements ActorDirectory {
    private final ActorTokens tokens;
    private final SlackUsers slackUsers;
    private final PlanOwners owners;

    public KnownActors(ActorTokens tokens, SlackUsers slackUsers, PlanOwners owners) {
        this.tokens = tokens;
        this.slackUsers = slackUsers;
        this.owners = owners;
    }

    @Override
    public Optional<Actor> byToken(String token) {
        return tokens.resolve(token);
    }

    @Override
    public Optional<Actor> bySlackUser(String userId) {
        return slackUsers.find(userId);
    }

    @Override
    public List<Owner> owners(String migrationId) {
        return owners.of(migrationId);
    }
}
