package dev.dimmer.core.axon;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.RejectionCode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Checks the actor's role on the command bus, before any handler runs, so every channel is held to the same rule
 * and a refused command loads no aggregate and stores nothing.
 */
final class CommandAuthorization implements MessageHandlerInterceptor<CommandMessage<?>> {
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (CommandRoles.openToAll(payload.getClass())) {
            return chain.proceed();
        }
        String command = payload.getClass().getSimpleName().replace("Command", "");
        Role needed = CommandRoles.requiredFor(payload.getClass()).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.FORBIDDEN, "no role may send " + command + " (it has no role assigned)"));
        if (!(payload instanceof MigrationCommand migrationCommand)
                || !migrationCommand.provenance().actor().holds(needed)) {
            String who = payload instanceof MigrationCommand m ? m.provenance().actor().name() : "this actor";
            throw new CommandRejectedException(RejectionCode.FORBIDDEN,
                    who + " may not " + verb(command) + ": it needs the " + needed.label() + " role");
        }
        return chain.proceed();
    }

    private static String verb(String command) {
        return command.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
