package dev.dimmer.core.audit;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.ledger.LedgerReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/** The ledger's public key for anyone signed in, and verification for auditors, leads and operators. */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditLedgerController {
    private static final Set<Role> VERIFIERS = EnumSet.of(Role.AUDITOR, Role.LEAD, Role.OPERATOR);
    private final SigningKey key;
    private final Checkpointer checkpointer;
    private final LedgerVerifier verifier;

    AuditLedgerController(SigningKey key, Checkpointer checkpointer, LedgerVerifier verifier) {
        this.key = key;
        this.checkpointer = checkpointer;
        this.verifier = verifier;
    }

    @Get("/public-key")
    @Produces(MediaType.TEXT_PLAIN)
    String publicKey(HttpRequest<?> request) {
        actor(request);
        // the same lines as dimmer audit key prints; verifiers ignore lines starting with '#'
        return key.publicPem() + "# origin " + key.origin() + "\n# verifier key " + key.verifierKey() + "\n";
    }

    /** The same key as JSON, with its origin and C2SP verifier key, for clients that read JSON only. */
    @Get("/key")
    java.util.Map<String, String> key(HttpRequest<?> request) {
        actor(request);
        return java.util.Map.of("origin", key.origin(), "public_key", key.publicPem(), "verifier_key", key.verifierKey());
    }

    @Get("/verify")
    LedgerReport verify(HttpRequest<?> request, @Nullable @QueryValue String migration) throws SQLException {
        Actor actor = actor(request);
        if (VERIFIERS.stream().noneMatch(actor::holds)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, actor.name()
                    + " may not verify the audit ledger: it needs the auditor, lead or operator role");
        }
        // so that the newest events are covered by a signed checkpoint too
        checkpointer.checkpoint(true);
        return verifier.verify(migration == null || migration.isBlank() ? null : migration);
    }

    private static Actor actor(HttpRequest<?> request) {
        return request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class).orElseThrow(() ->
                new HttpStatusException(HttpStatus.UNAUTHORIZED, "no authenticated actor on this request"));
    }
}
