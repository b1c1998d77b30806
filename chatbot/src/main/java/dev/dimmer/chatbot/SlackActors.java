package dev.dimmer.chatbot;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.plan.Owner;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who a Slack user is in Dimmer: the roles the server's configuration gives the user id, plus the roles the
 * migration's plan gives it as an owner. A user named nowhere holds no role and is refused everything. The name
 * comes from the same places, else from Slack's directory, else it is the user id.
 */
@Singleton
public class SlackActors {
    private final SlackUsers users;
    private final MigrationDirectory directory;
    private final SlackProfiles profiles;

    public SlackActors(SlackUsers users, MigrationDirectory directory, SlackProfiles profiles) {
        this.users = users;
        this.directory = directory;
        this.profiles = profiles;
    }

    /** @param migrationId the migration acted on, or null for actions that concern none */
    Actor actor(String userId, String migrationId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String name = null;
        Actor configured = users.find(userId).orElse(null);
        if (configured != null) {
            roles.addAll(configured.roles());
            name = configured.name();
        }
        // an id no plan could have is refused by the command bus; it must not reach the owners' query first
        if (migrationId != null && dev.dimmer.api.migration.Ids.isMigrationId(migrationId)) {
            for (Owner owner : directory.owners(migrationId)) {
                if (userId.equals(owner.id()) && owner.role() != null) {
                    roles.add(owner.role());
                    name = name == null ? owner.name() : name;
                }
            }
        }
        return new Actor(userId, name == null ? profiles.name(userId).orElse(userId) : name, roles);
    }
}
