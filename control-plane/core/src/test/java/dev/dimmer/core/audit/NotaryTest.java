package dev.dimmer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notary's hash, computed by PostgreSQL, is the documented leaf hash; the sequencer leaves no gaps. */
class NotaryTest {
    private final Notary notary = new Notary();
    private TestDatabase database;

    @BeforeEach
    void migrate() {
        database = TestPostgres.newDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void shouldHashTheRowAsTheLeafDocumentsIt() throws SQLException {
        // given events with NULL columns, non-ASCII text, empty and binary bytes
        Leaf plain = new Leaf("e-1", "crm", 0, "Migration", "a.B", null, "2026-12-01T09:00:00.123Z",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), new byte[0]);
        Leaf unusual = new Leaf("e-2", "crm-ü", 12, null, "a.Ç", "2", "2026-12-01T09:00:01Z",
                new byte[] {0, (byte) 0xff, 9}, null);
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            insert(c, plain);
            insert(c, unusual);
            // when the notary records them and the sequencer runs
            notary.record(c, List.of("e-1", "e-2"));
            assertThat(notary.sequence(c)).isEqualTo(2);
            c.commit();
            // then each leaf hash is the Java one, and indices follow global-index order
            assertThat(leaves(c)).containsExactly("0 e-1 " + hex(plain.hash()), "1 e-2 " + hex(unusual.hash()));
        }
    }

    @Test
    void shouldKeepThePendingQueuesPagesSoThatVacuumNeverLocksAppendsOut() throws SQLException {
        // given the migrated schema
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT reloptions FROM pg_class WHERE relname = 'audit_pending'"); ResultSet r = s.executeQuery()) {
            // when the queue's storage options are read
            r.next();
            // then autovacuum may not truncate it (an ACCESS EXCLUSIVE lock every append would wait behind)
            assertThat(r.getString(1)).contains("vacuum_truncate=false");
        }
    }

    @Test
    void shouldSequenceBatchesWithoutGapsAndNotarisePastEventsOnlyIntoAnEmptyLedger() throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            // given two events written before the ledger existed
            insert(c, leaf("old-1"));
            insert(c, leaf("old-2"));
            c.commit();
            // when the ledger starts, they get leaves 0 and 1; a second start adds nothing
            assertThat(notary.backfill(c)).isEqualTo(2);
            c.commit();
            assertThat(notary.backfill(c)).isZero();
            c.commit();
            // and two appends in two transactions, sequenced together, take 2 and 3
            insert(c, leaf("new-1"));
            notary.record(c, List.of("new-1"));
            c.commit();
            insert(c, leaf("new-2"));
            notary.record(c, List.of("new-2"));
            c.commit();
            assertThat(notary.sequence(c)).isEqualTo(2);
            c.commit();
            assertThat(notary.sequence(c)).isZero();
            c.commit();
            assertThat(leaves(c)).extracting(l -> l.substring(0, l.lastIndexOf(' ')))
                    .containsExactly("0 old-1", "1 old-2", "2 new-1", "3 new-2");
        }
    }

    private static Leaf leaf(String id) {
        return new Leaf(id, "crm", Integer.parseInt(id.substring(id.length() - 1)) + (id.startsWith("new") ? 10 : 0),
                "Migration", "t", null, "2026-12-01T09:00:00Z", new byte[] {1}, new byte[] {2});
    }

    private static void insert(Connection c, Leaf leaf) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, payload, "
                + "meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, leaf.eventIdentifier());
            s.setString(2, leaf.aggregateIdentifier());
            s.setLong(3, leaf.sequenceNumber());
            s.setString(4, leaf.aggregateType());
            s.setString(5, leaf.payloadType());
            s.setString(6, leaf.payloadRevision());
            s.setString(7, leaf.timeStamp());
            s.setBytes(8, leaf.payload());
            s.setBytes(9, leaf.metaData());
            s.executeUpdate();
        }
    }

    private static List<String> leaves(Connection c) throws SQLException {
        List<String> leaves = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT leaf_index, event_identifier, leaf_hash FROM audit_leaf ORDER BY leaf_index");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                leaves.add(r.getLong(1) + " " + r.getString(2) + " " + hex(r.getBytes(3)));
            }
        }
        return leaves;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
