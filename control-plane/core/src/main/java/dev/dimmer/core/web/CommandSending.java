package dev.dimmer.core.web;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends a command and waits for its answer, handing back the handler's own exception (a rejection, a conflict)
 * rather than a wrapper, so the HTTP layer can answer with the right status.
 */
@Singleton
public final class CommandSending {
    private final CommandGateway gateway;

    public CommandSending(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return send(GenericCommandMessage.asCommandMessage(command));
    }

    /** Sends a prepared command message, e.g. one that carries the caller's correlation id in its metadata. */
    public <R> R send(CommandMessage<?> command) {
        try {
            return gateway.<R>send(command).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the command's answer", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
