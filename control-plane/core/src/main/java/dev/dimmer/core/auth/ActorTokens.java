package dev.dimmer.core.auth;

import dev.dimmer.api.actor.Actor;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Maps bearer tokens to actors and their roles; comparisons take the same time whatever the token. */
public final class ActorTokens {
    private final List<TokenGrant> grants;

    public ActorTokens(List<TokenGrant> grants) {
        this.grants = List.copyOf(grants);
    }

    public Optional<Actor> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] digest = TokenGrant.digest(token.strip());
        Actor found = null;
        for (TokenGrant grant : grants) {
            if (MessageDigest.isEqual(grant.sha256(), digest) && found == null) {
                found = grant.actor();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return grants.size();
    }
}
