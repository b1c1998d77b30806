package dev.dimmer.deploy.page;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Sign-in sessions of the status pages, kept in the database so every node knows them and sign-out ends them
 * everywhere. The cookie holds 256 random bits; the table holds only their SHA-256. A session lasts
 * {@code dimmer.pages.session-ttl} (8 hours by default) from sign-in.
 */
@Singleton
final class PageSessions {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    PageSessions(DataSource dataSource, Clock clock, @Value("${dimmer.pages.session-ttl:8h}") Duration ttl) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    /** A new session for the actor: the cookie's value, and the session as it is stored. */
    Started start(Actor actor) {
        String cookie = random(32);
        Instant now = clock.instant();
        PageSession session = new PageSession(actor, random(24), now.plus(ttl));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM page_session WHERE expires_at < ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO page_session (id_sha256, actor_id, actor_name,"
                    + " roles, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setBytes(1, sha256(cookie));
                s.setString(2, actor.id());
                s.setString(3, actor.name());
                s.setString(4, actor.roles().stream().map(Role::label).sorted().collect(Collectors.joining(",")));
                s.setString(5, session.csrf());
                s.setTimestamp(6, Timestamp.from(now));
                s.setTimestamp(7, Timestamp.from(session.expiresAt()));
                s.executeUpdate();
            }
            commit(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the session: " + e.getMessage(), e);
        }
        return new Started(cookie, session);
    }

    /** The unexpired session the cookie's value opens, if any. */
    Optional<PageSession> find(String cookie) {
        if (cookie == null || cookie.length() != 43) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT actor_id, actor_name, roles, csrf, expires_at FROM page_session "
                        + "WHERE id_sha256 = ? AND expires_at > ?")) {
            s.setBytes(1, sha256(cookie));
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                Arrays.stream(r.getString(3).split(",")).filter(t -> !t.isBlank()).forEach(t -> roles.add(
                        Role.parse(t)));
                return Optional.of(new PageSession(new Actor(r.getString(1), r.getString(2), roles),
                        r.getString(4), r.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the session: " + e.getMessage(), e);
        }
    }

    void end(String cookie) {
        if (cookie == null) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM page_session WHERE id_sha256 = ?")) {
            s.setBytes(1, sha256(cookie));
            s.executeUpdate();
            commit(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the session: " + e.getMessage(), e);
        }
    }

    String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return B64.encodeToString(value);
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    record Started(String cookie, PageSession session) {
    }
}
