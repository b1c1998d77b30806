package dev.dimmer.chatbot;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Refuses a Slack request whose signature was already taken in. A signature verifies for as long as its timestamp
 * is within 5 minutes of now, which may be up to 10 minutes after it is first seen (a timestamp 5 minutes ahead);
 * so each is kept for {@link #KEEP} from the later of its sighting and its timestamp, and then forgotten, which
 * bounds the table. The signatures live in PostgreSQL, so a replay to another node is refused too.
 */
@Singleton
public class ReplayGuard {
    static final Duration KEEP = SlackRequestCheck.WINDOW.multipliedBy(2);
    private final DataSource dataSource;
    private final Clock clock;

    public ReplayGuard(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** True the first time a signature is seen; false for a replay. */
    boolean firstSighting(String signature, Instant signedAt) {
        Instant now = clock.instant();
        // seen_at holds the instant the signature is kept from: the later of now and its timestamp
        Instant keptFrom = signedAt.isAfter(now) ? signedAt : now;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement forget = c.prepareStatement("DELETE FROM slack_request_seen WHERE seen_at < ?")) {
                forget.setTimestamp(1, Timestamp.from(now.minus(KEEP)));
                forget.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO slack_request_seen (signature, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, signature);
                s.setTimestamp(2, Timestamp.from(keptFrom));
                return s.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the request against replays: " + e.getMessage(), e);
        }
    }
}
