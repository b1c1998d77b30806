package dev.dimmer.core.web;

import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandMessage;

/**
 * How every command arrives over HTTP: with the caller's correlation id, answered once the status view has taken
 * it in, and with the correlation id echoed so the caller can find the events in the audit trail.
 */
@Singleton
final class HttpCommands {
    private final CommandSending commands;
    private final ReadYourWrites views;

    HttpCommands(CommandSending commands, ReadYourWrites views) {
        this.commands = commands;
        this.views = views;
    }

    <R> HttpResponse<R> send(String migrationId, Object command, String correlationId) {
        CommandMessage<?> message = Correlation.message(command, correlationId);
        R answer = commands.send(message);
        views.await(migrationId);
        return HttpResponse.ok(answer).header(Correlation.HEADER, Correlation.of(message));
    }
}
