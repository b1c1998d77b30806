package dev.dimmer.core.auth;

import dev.dimmer.api.actor.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Slack users named in the server's configuration ({@code slack_users:} in dimmer.yml), with their roles. */
public final class SlackUsers {
    private final Map<String, Actor> byId;

    public SlackUsers(List<Actor> users) {
        this.byId = users.stream().collect(Collectors.toUnmodifiableMap(Actor::id, Function.identity(), (a, b) -> b));
    }

    public static SlackUsers none() {
        return new SlackUsers(List.of());
    }

    public Optional<Actor> find(String slackUserId) {
        return Optional.ofNullable(byId.get(slackUserId));
    }
}
