package dev.dimmer.core.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Axon does not create its tables; Flyway does. This keeps the two honest: the tables Flyway makes have the
 * columns, types, nullability and keys that Axon's own PostgreSQL table factories would make for our schema names.
 */
class EventStoreSchemaTest {
    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name IN ('domain_event_entry', 'snapshot_event_entry',
                   'token_entry') ORDER BY table_name, column_name""";
    private static final String KEYS = """
            SELECT tc.table_name, tc.constraint_type, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position)
              FROM information_schema.table_constraints tc
              JOIN information_schema.key_column_usage kcu
                ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
             WHERE tc.table_schema = 'public' AND tc.table_name IN ('domain_event_entry', 'snapshot_event_entry',
                   'token_entry')
             GROUP BY tc.table_name, tc.constraint_name, tc.constraint_type ORDER BY 1, 2, 3""";

    @Test
    void shouldMatchWhatAxonsTableFactoriesCreate() throws SQLException {
        try (TestDatabase migrated = TestPostgres.newDatabase(); TestDatabase generated = TestPostgres.newDatabase()) {
            // given the schema as Flyway migrates it
            Flyway.configure().dataSource(migrated.url(), migrated.user(), migrated.password())
                    .locations("classpath:db/migration").load().migrate();
            // and as Axon would generate it
            try (Connection c = generated.connect()) {
                c.setAutoCommit(true);
                PostgresEventTableFactory.INSTANCE.createDomainEventTable(c, AxonSchemas.events()).executeUpdate();
                PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(c, AxonSchemas.events()).executeUpdate();
                PostgresTokenTableFactory.INSTANCE.createTable(c, AxonSchemas.tokens()).executeUpdate();
            }
            // then columns and keys are the same
            assertThat(rows(migrated, COLUMNS)).isEqualTo(rows(generated, COLUMNS)).isNotEmpty();
            assertThat(rows(migrated, KEYS)).isEqualTo(rows(generated, KEYS)).isNotEmpty();
        }
    }

    private static List<String> rows(TestDatabase database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3)
                        + (r.getMetaData().getColumnCount() > 3 ? " " + r.getString(4) : ""));
            }
        }
        return rows;
    }
}
