package dev.dimmer.projections.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.api.actor.Role;
import dev.dimmer.projections.export.LedgerProofs;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Offline-checkable proofs: an event's inclusion in the newest checkpoint, and two checkpoints' consistency. */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditProofController {
    private final LedgerProofs proofs;

    AuditProofController(LedgerProofs proofs) {
        this.proofs = proofs;
    }

    @Get("/proof")
    HttpResponse<String> proof(HttpRequest<?> request, @QueryValue String event) {
        Readers.requireAny(request, Role.AUDITOR, Role.LEAD, Role.OPERATOR);
        ObjectNode proof;
        try {
            proof = proofs.inclusion(event).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                    "no event '" + event + "' in the log; event ids are in dimmer audit MIGRATION --json"));
        } catch (IllegalStateException e) {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return HttpResponse.ok(proof.toPrettyString()).contentType("application/json");
    }

    @Get("/consistency")
    HttpResponse<String> consistency(HttpRequest<?> request, @QueryValue long from, @QueryValue long to) {
        Readers.requireAny(request, Role.AUDITOR, Role.LEAD, Role.OPERATOR);
        ObjectNode proof;
        try {
            proof = proofs.consistency(from, to).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                    "no signed checkpoint of tree size " + from + " or " + to + "; checkpoints are listed by "
                            + "dimmer audit verify"));
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return HttpResponse.ok(proof.toPrettyString()).contentType("application/json");
    }
}
