package dev.dimmer.core.axon;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.core.auth.PlanOwners;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Checks the actor's role on the command bus, before any handler runs, so every channel is held to the same rule
 * and a refused command stores nothing but its refusal. The role is the actor's own or one the migration's plan
 * gives it as an owner; only an actor lacking the role globally costs a look at the plan.
 */
final class CommandAuthorization implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final PlanOwners owners;

    CommandAuthorization(PlanOwners owners) {
        this.owners = owners;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        String command = payload.getClass().getSimpleName().replace("Command", "");
        Role needed = CommandRoles.requiredFor(payload.getClass()).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.FORBIDDEN, "no role may send " + command + " (it has no role assigned)"));
        if (!(payload instanceof MigrationCommand migrationCommand)) {
            throw new CommandRejectedException(RejectionCode.FORBIDDEN,
                    "this actor may not " + verb(command) + ": it needs the " + needed.label() + " role");
        }
        Actor actor = migrationCommand.provenance().actor();
        Role instead = CommandRoles.alsoAllowed(payload.getClass()).orElse(needed);
        if (!actor.holds(needed) && !ownsWith(actor, migrationCommand.migrationId(), needed)
                && !actor.holds(instead) && !ownsWith(actor, migrationCommand.migrationId(), instead)) {
            throw new CommandRejectedException(RejectionCode.FORBIDDEN,
                    actor.name() + " may not " + verb(command) + ": it needs the " + needed.label() + " role");
        }
        return chain.proceed();
    }

    private boolean ownsWith(Actor actor, String migrationId, Role needed) {
        for (Owner owner : owners.of(migrationId)) {
            if (actor.id().equals(owner.id()) && owner.role() == needed) {
                return true;
            }
        }
        return false;
    }

    private static String verb(String command) {
        return command.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
