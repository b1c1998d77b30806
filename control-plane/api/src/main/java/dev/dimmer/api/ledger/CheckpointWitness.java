package dev.dimmer.api.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every checkpoint the ledger signs, in the transaction that stores it, so that it can hand the signed note
 * to a witness outside the database (the migrations' Slack threads): a copy the database cannot rewrite. It must
 * only queue (for instance in the outbox), never call out.
 */
public interface CheckpointWitness {
    /**
     * @param previousSize the tree size of the checkpoint before this one (0 for the first): the new leaves are
     *                     {@code previousSize .. treeSize - 1}
     */
    void signed(Connection connection, long previousSize, long treeSize, String signedNote) throws SQLException;
}
