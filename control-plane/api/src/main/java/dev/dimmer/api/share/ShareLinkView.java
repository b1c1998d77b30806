package dev.dimmer.api.share;

import java.time.Instant;

/**
 * A share link as its migration knows it. {@code state} is {@code active}, {@code expired} or {@code revoked}
 * (judged at the time of the answer); {@code url} is the signed address, given only to those who may share.
 */
public record ShareLinkView(String migrationId, String linkId, Instant createdAt, Instant expiresAt,
                            Instant revokedAt, String state, String url) {
}
