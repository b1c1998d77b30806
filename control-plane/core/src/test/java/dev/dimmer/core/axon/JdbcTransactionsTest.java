package dev.dimmer.core.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Everything a unit of work writes goes through one connection and commits, or rolls back, as one. */
class JdbcTransactionsTest {
    private TestDatabase database;
    private JdbcTransactions transactions;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestPostgres.newDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        transactions = new JdbcTransactions(dataSource);
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE fact (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void insert(int id) throws SQLException {
        try (Connection c = transactions.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO fact VALUES (" + id + ")");
        }
    }

    private long committedRows() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM fact")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void shouldShareOneConnectionAndHideWritesUntilCommit() throws SQLException {
        Transaction tx = transactions.startTransaction();
        insert(1);
        insert(2);
        assertThat(committedRows()).isZero();
        tx.commit();
        assertThat(committedRows()).isEqualTo(2);
    }

    @Test
    void shouldRollBackEverythingWhenAnInnerUnitRollsBack() throws SQLException {
        Transaction outer = transactions.startTransaction();
        insert(1);
        Transaction inner = transactions.startTransaction();
        insert(2);
        inner.rollback();
        assertThatThrownBy(outer::commit).hasMessageContaining("marked for rollback");
        assertThat(committedRows()).isZero();
    }

    @Test
    void shouldCommitAtOnceOutsideATransaction() throws SQLException {
        insert(7);
        assertThat(committedRows()).isEqualTo(1);
    }

    @Test
    void shouldStartCleanAfterARollback() throws SQLException {
        Transaction failed = transactions.startTransaction();
        insert(1);
        failed.rollback();
        Transaction next = transactions.startTransaction();
        insert(1);
        next.commit();
        assertThat(committedRows()).isEqualTo(1);
    }
}
