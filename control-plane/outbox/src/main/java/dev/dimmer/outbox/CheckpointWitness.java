package dev.dimmer.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every checkpoint the ledger signs, in the transaction that stores it, so that it can hand the signed note
 * to a witness outside the database (the migrations' Slack threads): a copy the database cannot rewrite. It must
 * only queue (in the outbox, on the connection given), never call out. It lives here, beside the outbox, because
 * it needs nothing but JDBC.
 */
public interface CheckpointWitness {
    /**
     * @param previousSize the tree size of the checkpoint before this one (0 for the first): the new leaves are
     *                     {@code previousSize .. treeSize - 1}
     */
    void signed(Connection connection, long previousSize, long treeSize, String signedNote) throws SQLException;
}
