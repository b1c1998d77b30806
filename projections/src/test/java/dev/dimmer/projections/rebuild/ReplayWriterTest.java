package dev.dimmer.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A writer that cannot do its work says so at once: it never hangs the rebuild or reports a commit it did not make. */
class ReplayWriterTest {
    private static final TransactionManager NO_OP = () -> new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };
    private static final ConnectionProvider NO_CONNECTIONS = () -> {
        throw new SQLException("connection refused");
    };

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldFailInsteadOfHangingWhenItsTransactionCannotOpen() {
        // given a writer whose database gives it no transaction
        TransactionManager exhausted = () -> {
            throw new IllegalStateException("could not open a database transaction: pool exhausted");
        };
        ReplayWriter writer = new ReplayWriter(exhausted, NO_CONNECTIONS);

        // when more work comes than its queue holds, and then the commit
        // then the rebuild learns why, instead of waiting for room or hearing of a commit
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                writer.submit(c -> {
                });
            }
            writer.commit();
        }).isInstanceOf(RebuildFailedException.class).hasMessageContaining("pool exhausted");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldSayWhenItsConnectionCannotBeHad() {
        // given a writer that gets a transaction but no connection
        ReplayWriter writer = new ReplayWriter(NO_OP, NO_CONNECTIONS);

        // when the rebuild commits
        // then it hears what went wrong
        assertThatThrownBy(writer::commit).isInstanceOf(RebuildFailedException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldEndAbandonedEvenWhenTheCallerIsInterrupted() {
        // given a writer with work queued and a caller whose thread is interrupted
        ReplayWriter writer = new ReplayWriter(NO_OP, () -> null);
        Thread.currentThread().interrupt();

        // when the rebuild abandons it
        writer.abandon();

        // then the writer has ended and the caller still knows it was interrupted
        assertThat(Thread.interrupted()).isTrue();
        assertThatThrownBy(writer::commit).isInstanceOf(RebuildFailedException.class);
    }
}
