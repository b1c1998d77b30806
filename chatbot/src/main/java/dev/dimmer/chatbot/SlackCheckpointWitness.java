package dev.dimmer.chatbot;

import dev.dimmer.outbox.CheckpointWitness;
import dev.dimmer.outbox.Outbox;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every signed audit checkpoint, posted into the thread of each migration with events among its new leaves: an
 * external witness the database cannot rewrite (docs/audit.md). Queued in the outbox in the checkpoint's own
 * transaction (topic {@code slack-witness}, keyed by migration, ordered by tree size); SlackDelivery posts it.
 */
@Singleton
@Requires(property = "dimmer.slack.notifier.enabled", notEquals = "false")
public class SlackCheckpointWitness implements CheckpointWitness {
    private static final String MIGRATIONS = """
            SELECT DISTINCT aggregate_identifier FROM audit_leaf WHERE leaf_index >= ? AND leaf_index < ?""";
    private final MigrationDirectory directory;
    private final SlackSettings settings;

    public SlackCheckpointWitness(MigrationDirectory directory, SlackSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void signed(Connection connection, long previousSize, long treeSize, String signedNote)
            throws SQLException {
        if (!settings.posting()) {
            return;
        }
        List<String> migrations = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(MIGRATIONS)) {
            s.setLong(1, previousSize);
            s.setLong(2, treeSize);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    migrations.add(r.getString(1));
                }
            }
        }
        String text = sentence(treeSize, signedNote);
        for (String migration : migrations) {
            var channel = directory.channel(connection, migration);
            if (channel.isPresent()) {
                Outbox.enqueue(connection, SlackDelivery.WITNESS_TOPIC, migration, treeSize,
                        new SlackPost(channel.get(), text).payload());
            }
        }
    }

    /** The signed note verbatim, so that anyone can check it with the public key (dimmer audit key). */
    static String sentence(long treeSize, String signedNote) {
        return SlackText.clip("Audit checkpoint: the log's first " + treeSize + " events are signed. Keep this "
                + "message; an auditor checks the log against it with `dimmer audit verify-proof` or an export.\n```\n"
                + signedNote.strip() + "\n```", SlackText.BLOCK_TEXT);
    }
}
