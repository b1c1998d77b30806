package dev.dimmer.core.audit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On start: leaves for a log written before the ledger, a checkpoint; then a small task that gives pending leaves
 * their indices and signs due checkpoints, every second ({@code dimmer.audit.checkpoint-poll}).
 */
@Context
final class AuditLedgerStartup {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLedgerStartup.class);
    private final DataSource dataSource;
    private final Notary notary;
    private final Checkpointer checkpointer;
    private final Duration poll;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audit-checkpoints");
        thread.setDaemon(true);
        return thread;
    });

    AuditLedgerStartup(DataSource dataSource, Notary notary, Checkpointer checkpointer,
                       @Value("${dimmer.audit.checkpoint-poll:1s}") Duration poll) {
        this.dataSource = dataSource;
        this.notary = notary;
        this.checkpointer = checkpointer;
        this.poll = poll;
    }

    @PostConstruct
    void start() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long count = notary.backfill(c);
            c.commit();
            c.setAutoCommit(true);
            if (count > 0) {
                LOG.info("notarised {} events written before the audit ledger", count);
            }
        }
        checkpointer.checkpoint(true);
        timer.scheduleWithFixedDelay(this::tick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            checkpointer.checkpoint(false);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not sign an audit checkpoint: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
