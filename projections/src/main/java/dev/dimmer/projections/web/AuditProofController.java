package dev.dimmer.projections.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.api.actor.Role;
import dev.dimmer.projections.export.JsonLinesExport;
import dev.dimmer.projections.export.LedgerProofs;
import dev.dimmer.projections.export.LedgerRows;
import dev.dimmer.projections.export.StoredCheckpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Offline-checkable proofs: an event's inclusion in the newest checkpoint, two checkpoints' consistency, and the list
 * of signed checkpoints to ask the second for.
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditProofController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;
    private final LedgerProofs proofs;
    private final LedgerRows rows;

    AuditProofController(LedgerProofs proofs, LedgerRows rows) {
        this.proofs = proofs;
        this.rows = rows;
    }

    /**
     * The signed checkpoints, newest first, {@code limit} at a time (default and most 1,000; the next page is
     * {@code before=} the last tree size): what an auditor picks the sizes of a consistency proof from.
     */
    @Get("/checkpoints")
    HttpResponse<String> checkpoints(HttpRequest<?> request, @Nullable @QueryValue Long before,
                                     @Nullable @QueryValue Integer limit) {
        Readers.requireAny(request, Role.AUDITOR, Role.LEAD, Role.OPERATOR);
        if (limit != null && (limit < 1 || limit > PAGE)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + PAGE + "; got "
                    + limit);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("checkpoints");
        for (StoredCheckpoint c : rows.checkpoints(before, limit == null ? PAGE : limit)) {
            list.add(JsonLinesExport.checkpoint(c).put("time", c.createdAt().toString()));
        }
        return HttpResponse.ok(answer.toPrettyString()).contentType("application/json");
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
                    "no signed checkpoint of tree size " + from + " or " + to + "; the signed tree sizes are listed "
                            + "by dimmer audit checkpoints (GET /api/audit/checkpoints)"));
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return HttpResponse.ok(proof.toPrettyString()).contentType("application/json");
    }
}
