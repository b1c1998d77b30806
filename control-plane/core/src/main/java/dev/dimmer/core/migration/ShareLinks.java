package dev.dimmer.core.migration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.dimmer.api.share.CreateShareLinkCommand;
import dev.dimmer.api.share.RevokeShareLinkCommand;
import dev.dimmer.api.share.ShareLinkCreatedEvent;
import dev.dimmer.api.share.ShareLinkRevokedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The read-only share links of a migration's status page. {@code decide…} checks a command and answers its event;
 * {@link #evolve} only assigns. A link may live from a minute to 90 days; a revoked link stays revoked.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class ShareLinks {
    public static final Duration LONGEST = Duration.ofDays(90);
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private Map<String, Link> byId = new LinkedHashMap<>();

    ShareLinkCreatedEvent decideCreate(String migration, CreateShareLinkCommand command) {
        Instant at = command.provenance().at();
        if (command.linkId() == null || !LINK_ID.matcher(command.linkId()).matches()) {
            throw Refusals.invalid("a share link id is 8 to 64 letters, digits, _ and -");
        }
        if (byId.containsKey(command.linkId())) {
            throw Refusals.invalid("migration %s already has share link %s; make a new one", migration,
                    command.linkId());
        }
        if (command.expiresAt() == null || !command.expiresAt().isAfter(at.plusSeconds(59))) {
            throw Refusals.invalid("a share link must stay open at least a minute; give --expires 1m or more");
        }
        if (command.expiresAt().isAfter(at.plus(LONGEST))) {
            throw Refusals.invalid("a share link may stay open at most 90 days; give --expires 90d or less");
        }
        return new ShareLinkCreatedEvent(migration, command.linkId(), command.expiresAt(), at);
    }

    ShareLinkRevokedEvent decideRevoke(String migration, RevokeShareLinkCommand command) {
        Link link = byId.get(command.linkId());
        if (link == null) {
            throw Refusals.invalid("migration %s has no share link '%s'; list them with dimmer share --list %s",
                    migration, command.linkId(), migration);
        }
        if (link.revokedAt() != null) {
            throw Refusals.invalid("share link %s of migration %s was revoked at %s already", command.linkId(),
                    migration, link.revokedAt());
        }
        return new ShareLinkRevokedEvent(migration, command.linkId(), command.provenance().at());
    }

    void evolve(Object event) {
        if (event instanceof ShareLinkCreatedEvent created) {
            byId.put(created.linkId(), new Link(created.linkId(), created.at(), created.expiresAt(), null));
        } else if (event instanceof ShareLinkRevokedEvent revoked) {
            byId.computeIfPresent(revoked.linkId(), (id, link) -> new Link(id, link.createdAt(), link.expiresAt(),
                    revoked.at()));
        }
    }

    /** The link, if the migration ever opened it. */
    public Optional<Link> find(String linkId) {
        return Optional.ofNullable(byId.get(linkId));
    }

    /** Every link, oldest first. */
    public List<Link> all() {
        return new ArrayList<>(byId.values());
    }

    /** A share link as the migration keeps it; {@code revokedAt} is null while it is not revoked. */
    public record Link(String linkId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        /** Whether it opens the page at {@code now}. */
        public boolean opensAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }

        public String state(Instant now) {
            return revokedAt != null ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
        }
    }
}
