package dev.dimmer.core.auth;

import dev.dimmer.api.actor.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** An API token, kept only as its SHA-256 digest, and the actor it stands for. */
public record TokenGrant(byte[] sha256, Actor actor) {
    public static TokenGrant of(String token, Actor actor) {
        return new TokenGrant(digest(token), actor);
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
