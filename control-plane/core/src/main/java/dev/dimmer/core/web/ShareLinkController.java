package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.share.CreateShareLinkCommand;
import dev.dimmer.api.share.RevokeShareLinkCommand;
import dev.dimmer.api.share.ShareLinkCreatedEvent;
import dev.dimmer.api.share.ShareLinkRevokedEvent;
import dev.dimmer.api.share.ShareLinkView;
import dev.dimmer.api.share.ShareLinksView;
import dev.dimmer.core.evidence.MigrationReader;
import dev.dimmer.core.migration.ShareLinks;
import dev.dimmer.core.share.ShareLinkAddress;
import dev.dimmer.core.share.ShareTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Share links over HTTP: open one (201 with its signed address), list them, revoke one. Opening and revoking are
 * commands on the migration, so both are on its audit trail; listing needs the role that may share.
 */
@Controller("/api/migrations/{migration}/share-links")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ShareLinkController {
    private static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    private final HttpCommands commands;
    private final ShareTokens tokens;
    private final ShareLinkAddress address;
    private final MigrationReader migrations;
    private final Clock clock;

    ShareLinkController(HttpCommands commands, ShareTokens tokens, ShareLinkAddress address,
                        MigrationReader migrations, Clock clock) {
        this.commands = commands;
        this.tokens = tokens;
        this.address = address;
        this.migrations = migrations;
        this.clock = clock;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> create(HttpRequest<?> request, @PathVariable String migration,
                           @Nullable @Body ShareLinkRequest body) {
        Ids.requireMigrationId(migration);
        ShareLinkRequest asked = body == null ? new ShareLinkRequest(null, null) : body;
        Duration lasts = asked.expires() == null || asked.expires().isBlank() ? DEFAULT_EXPIRY
                : PlanDuration.parse(asked.expires().strip());
        if (lasts == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, "expires: '" + asked.expires()
                    + "' is not a duration; write e.g. 12h, 7d or 2w (at most 90d)");
        }
        Actor actor = Requests.actor(request);
        String linkId = linkId(actor, request.getHeaders().get(CommandHeaders.IDEMPOTENCY_KEY));
        // the expiry is counted from now, to the minute, so a retry under the same key builds the same command
        Instant expiresAt = clock.instant().plus(lasts).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String reason = asked.reason() == null || asked.reason().isBlank() ? "share link for stakeholders"
                : asked.reason();
        return commands.send(request, reason, p -> new CreateShareLinkCommand(migration, linkId, expiresAt, p),
                ShareLinkCreatedEvent.class, created -> HttpResponse.status(HttpStatus.CREATED).body(view(request,
                        created.migrationId(), new ShareLinks.Link(created.linkId(), created.at(),
                                created.expiresAt(), null))));
    }

    @Get
    ShareLinksView list(HttpRequest<?> request, @PathVariable String migration) {
        requireLead(request);
        Ids.requireMigrationId(migration);
        try {
            return new ShareLinksView(migration, migrations.read(migration, m -> m.shareLinks().all()).stream()
                    .map(link -> view(request, migration, link)).toList());
        } catch (AggregateNotFoundException e) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_MIGRATION, "no migration '" + migration
                    + "'; list migrations with dimmer status");
        }
    }

    @Post(uri = "/{link}/revoke", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable String migration, @PathVariable String link,
                           @Nullable @Body WaveActionRequest body) {
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "share link revoked"
                : body.reason();
        return commands.send(request, reason, p -> new RevokeShareLinkCommand(migration, link, p),
                ShareLinkRevokedEvent.class, revoked -> HttpResponse.ok(new ShareLinkView(migration,
                        revoked.linkId(), null, null, revoked.at(), "revoked", null)));
    }

    private ShareLinkView view(HttpRequest<?> request, String migration, ShareLinks.Link link) {
        Instant now = clock.instant();
        return new ShareLinkView(migration, link.linkId(), link.createdAt(), link.expiresAt(), link.revokedAt(),
                link.state(now), link.opensAt(now) ? address.link(request, tokens.sign(migration, link.linkId(),
                link.expiresAt())) : null);
    }

    // under an Idempotency-Key the retry must name the same link, so the id comes from the key
    private String linkId(Actor actor, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return tokens.newLinkId();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((actor.id() + "\n" + idempotencyKey)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void requireLead(HttpRequest<?> request) {
        Actor actor = Requests.actor(request);
        if (!actor.holds(Role.LEAD)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, actor.name() + " may not list share links: it "
                    + "needs the " + Role.LEAD.label() + " role");
        }
    }
}
