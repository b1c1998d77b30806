package dev.dimmer.chatbot;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Refuses a Slack request whose signature was already taken in: within the 5-minute window a replayed request
 * would still verify. The signatures live in PostgreSQL, so a replay to another node is refused too.
 */
@Singleton
public class ReplayGuard {
    static final Duration WINDOW = Duration.ofMinutes(5);
    private final DataSource dataSource;
    private final Clock clock;

    public ReplayGuard(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** True the first time a signature is seen; false for a replay. */
    boolean firstSighting(String signature) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement forget = c.prepareStatement("DELETE FROM slack_request_seen WHERE seen_at < ?")) {
                forget.setTimestamp(1, Timestamp.from(clock.instant().minus(WINDOW.multipliedBy(2))));
                forget.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO slack_request_seen (signature, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, signature);
                s.setTimestamp(2, now);
                return s.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the request against replays: " + e.getMessage(), e);
        }
    }
}
