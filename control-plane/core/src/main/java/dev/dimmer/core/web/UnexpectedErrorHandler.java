package dev.dimmer.core.web;

import dev.dimmer.api.migration.Ids;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unforeseen: the caller gets an incident id to quote, the log gets the stack trace; never the reverse.
 * It does not claim to know whether a command was stored: the failure may have come after the commit.
 */
@Singleton
final class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private final DatabaseCircuit circuit;

    UnexpectedErrorHandler(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception e) {
        if (DatabaseCircuit.unreachable(e)) {
            // no incident: the database is away, which the heartbeat reports; later requests answer at once
            circuit.trip("a request could not reach it");
            LOG.debug("database unreachable on {} {}", request.getMethod(), Ids.shown(request.getPath()), e);
            return Problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "the database is not reachable; "
                    + "retry in a moment (a command with the same Idempotency-Key, which acts only if this one did "
                    + "not)", "database-unavailable").header("Retry-After", "1");
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("incident {} on {} {}", incident, request.getMethod(), Ids.shown(request.getPath()), e);
        return Problems.respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "the server failed unexpectedly "
                + "(incident " + incident + "); if this was a command, check `dimmer audit` to see whether it was "
                + "stored before sending it again, or resend it with the same Idempotency-Key; the server log has "
                + "details",
                "internal-error");
    }
}
