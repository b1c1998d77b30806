package dev.dimmer.deploy;

import dev.dimmer.api.ledger.Checkpoint;
import dev.dimmer.api.ledger.LedgerKeys;
import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.MerkleTree;
import dev.dimmer.testing.TestDatabase;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger tables for a test. Where the server's notary writes them at append time, {@link #seal()} only reads
 * the newest size; where it does not, the test plays notary: a leaf per event in global-index order and a checkpoint
 * signed with a test key, in the tables' documented shapes.
 */
final class TestLedger {
    static final String ORIGIN = "dimmer.test/audit";
    private final TestDatabase database;
    private final RunningControlPlane server;
    private final KeyPair keys = LedgerKeys.generate();
    private final boolean notary;

    TestLedger(TestDatabase database, RunningControlPlane server) {
        this.database = database;
        this.server = server;
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT to_regclass('audit_leaf') IS NOT NULL")) {
            r.next();
            notary = r.getBoolean(1);
            if (!notary) {
                s.execute("""
                        CREATE TABLE audit_leaf (leaf_index BIGINT PRIMARY KEY, global_index BIGINT NOT NULL UNIQUE,
                            event_identifier VARCHAR(255) NOT NULL UNIQUE, leaf_hash BYTEA NOT NULL);
                        CREATE TABLE audit_checkpoint (tree_size BIGINT PRIMARY KEY, root_hash BYTEA NOT NULL,
                            signed_note TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean notary() {
        return notary;
    }

    /** The public key PEM verifiers need: the test's, or the server's when its notary signs. */
    String publicKeyPem() {
        if (!notary) {
            return LedgerKeys.pem(keys.getPublic());
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server.url() + "/api/audit/public-key"))
                    .header("Authorization", "Bearer " + RunningControlPlane.LEAD).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves for every event so far and a signed checkpoint of them all; answers the tree size. */
    long seal() {
        try (Connection c = database.connect()) {
            if (notary) {
                // verifying signs a checkpoint of every leaf so far
                RunningControlPlane.Answer verified = server.get("/api/audit/verify", RunningControlPlane.LEAD);
                if (verified.status() != 200) {
                    throw new IllegalStateException("GET /api/audit/verify answered " + verified);
                }
                return newest(c);
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                           e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
                      FROM domain_event_entry e LEFT JOIN audit_leaf l ON l.global_index = e.global_index
                     WHERE l.leaf_index IS NULL ORDER BY e.global_index""");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO audit_leaf VALUES "
                         + "((SELECT count(*) FROM audit_leaf), ?, ?, ?)")) {
                while (r.next()) {
                    Leaf leaf = new Leaf(r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8), r.getBytes(9), r.getBytes(10));
                    insert.setLong(1, r.getLong(1));
                    insert.setString(2, r.getString(2));
                    insert.setBytes(3, leaf.hash());
                    insert.executeUpdate();
                }
            }
            List<byte[]> hashes = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT leaf_hash FROM audit_leaf ORDER BY leaf_index")) {
                while (r.next()) {
                    hashes.add(r.getBytes(1));
                }
            }
            byte[] root = MerkleTree.root(hashes);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_checkpoint (tree_size, root_hash, "
                    + "signed_note) VALUES (?, ?, ?) ON CONFLICT (tree_size) DO NOTHING")) {
                s.setLong(1, hashes.size());
                s.setBytes(2, root);
                s.setString(3, new Checkpoint(ORIGIN, hashes.size(), root).sign(ORIGIN, keys.getPrivate(),
                        keys.getPublic()));
                s.executeUpdate();
            }
            return hashes.size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sizes of the oldest and newest checkpoints. */
    long[] oldestAndNewest() {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT min(tree_size), max(tree_size) FROM audit_checkpoint")) {
            r.next();
            return new long[]{r.getLong(1), r.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long newest(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(tree_size), 0) FROM audit_checkpoint")) {
            r.next();
            return r.getLong(1);
        }
    }
}
