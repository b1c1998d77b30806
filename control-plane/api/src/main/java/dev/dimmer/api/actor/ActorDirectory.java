package dev.dimmer.api.actor;

import dev.dimmer.api.plan.Owner;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one answer to "who is this": API tokens and configured Slack users map to an actor with its global roles,
 * and a migration's plan adds the roles it gives its owners, on that migration only. An owner is matched by id: a
 * Slack user id, or the actor id of an API token.
 */
public interface ActorDirectory {
    /** The actor a bearer token stands for; empty for a token this server does not know. */
    Optional<Actor> byToken(String token);

    /** The actor the server's configuration names for a Slack user id; empty for a user named nowhere. */
    Optional<Actor> bySlackUser(String userId);

    /** The owners the migration's current plan names; none for an unknown migration. */
    List<Owner> owners(String migrationId);

    /** The roles an actor holds on one migration: its own, plus those the plan gives it as an owner. */
    default Set<Role> rolesFor(Actor actor, String migrationId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(actor.roles());
        // an id no plan could have names no migration: its owners are not looked up (nor is it sent to the store)
        if (migrationId != null && dev.dimmer.api.migration.Ids.isMigrationId(migrationId)) {
            for (Owner owner : owners(migrationId)) {
                if (actor.id().equals(owner.id()) && owner.role() != null) {
                    roles.add(owner.role());
                }
            }
        }
        return roles;
    }

    /** The actor as it acts on one migration, holding {@link #rolesFor} it. */
    default Actor onMigration(Actor actor, String migrationId) {
        Set<Role> roles = rolesFor(actor, migrationId);
        return roles.equals(actor.roles()) ? actor : new Actor(actor.id(), actor.name(), roles);
    }
}
