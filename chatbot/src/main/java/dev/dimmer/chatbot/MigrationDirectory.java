package dev.dimmer.chatbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the bot remembers of each migration (table {@code slack_migration}): the plan's channel and owners, kept by
 * the notifier as plans are registered and revised, and the thread whose root is the status card.
 */
@Singleton
public class MigrationDirectory {
    private static final String UPSERT = """
            INSERT INTO slack_migration (migration_id, title, channel, owners) VALUES (?, ?, ?, ?)
            ON CONFLICT (migration_id) DO UPDATE SET title = excluded.title, channel = excluded.channel,
                                                     owners = excluded.owners""";
    private static final TypeReference<List<Owner>> OWNERS = new TypeReference<>() {
    };
    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public MigrationDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Called inside the notifier's unit of work, on its connection, so it commits with the processor's token. */
    void remember(Connection connection, MigrationPlan plan) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(UPSERT)) {
            s.setString(1, plan.slug());
            s.setString(2, plan.title());
            s.setString(3, plan.communication().channel());
            s.setString(4, json.writeValueAsString(plan.owners()));
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new SQLException("could not write the owners of " + plan.slug(), e);
        }
    }

    Optional<String> channel(Connection connection, String migrationId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT channel FROM slack_migration WHERE migration_id = ?")) {
            s.setString(1, migrationId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    List<Owner> owners(String migrationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT owners FROM slack_migration WHERE migration_id = ?")) {
            s.setString(1, migrationId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? json.readValue(rows.getString(1), OWNERS) : List.of();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the owners of " + migrationId + ": " + e.getMessage(), e);
        }
    }

    /** The thread root of a migration: the channel id Slack answered with and the card's timestamp. */
    Optional<SlackThread> thread(String migrationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT root_channel, root_ts FROM slack_migration WHERE migration_id = ? AND root_ts IS NOT NULL")) {
            s.setString(1, migrationId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new SlackThread(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the thread of " + migrationId + ": " + e.getMessage(), e);
        }
    }

    void rememberThread(String migrationId, SlackThread thread) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE slack_migration SET root_channel = ?, root_ts = ? WHERE migration_id = ?")) {
            s.setString(1, thread.channel());
            s.setString(2, thread.ts());
            s.setString(3, migrationId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remember the thread of " + migrationId, e);
        }
    }
}
