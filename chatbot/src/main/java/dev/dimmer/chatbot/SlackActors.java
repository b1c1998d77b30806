package dev.dimmer.chatbot;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.ActorDirectory;
import dev.dimmer.api.plan.Owner;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Who a Slack user is in Dimmer, as the one {@link ActorDirectory} says: the roles the server's configuration gives
 * the user id, plus the roles the migration's plan gives it as an owner. A user named nowhere holds no role and is
 * refused everything. The name comes from the same places, else from Slack's directory, else it is the user id.
 */
@Singleton
public class SlackActors {
    private final ActorDirectory directory;
    private final SlackProfiles profiles;

    public SlackActors(ActorDirectory directory, SlackProfiles profiles) {
        this.directory = directory;
        this.profiles = profiles;
    }

    /** @param migrationId the migration acted on, or null for actions that concern none */
    Actor actor(String userId, String migrationId) {
        Actor configured = directory.bySlackUser(userId).orElse(null);
        String name = configured == null ? null : configured.name();
        if (name == null && migrationId != null) {
            name = directory.owners(migrationId).stream().filter(o -> userId.equals(o.id()) && o.name() != null)
                    .map(Owner::name).findFirst().orElse(null);
        }
        Actor actor = new Actor(userId, name == null ? profiles.name(userId).orElse(userId) : name,
                configured == null ? Set.of() : configured.roles());
        // an id no plan could have is refused by the command bus; it must not reach the owners' query first
        return migrationId != null && dev.dimmer.api.migration.Ids.isMigrationId(migrationId)
                ? directory.onMigration(actor, migrationId) : actor;
    }
}
