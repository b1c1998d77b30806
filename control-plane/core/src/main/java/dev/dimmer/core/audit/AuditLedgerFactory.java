package dev.dimmer.core.audit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

@Factory
class AuditLedgerFactory {

    @Singleton
    Notary notary() {
        return new Notary();
    }

    @Singleton
    SigningKey signingKey(@Value("${dimmer.audit.signing-key:}") String configured,
                          @Value("${dimmer.audit.key-file:}") String keyFile,
                          @Value("${dimmer.audit.origin:}") String origin) {
        return SigningKeys.load(configured, keyFile, origin, System::getenv);
    }

    @Singleton
    Checkpointer checkpointer(DataSource dataSource, Notary notary, SigningKey key, Clock clock,
                              java.util.List<dev.dimmer.outbox.CheckpointWitness> witnesses,
                              @Value("${dimmer.audit.checkpoint-leaves:1000}") long everyLeaves,
                              @Value("${dimmer.audit.checkpoint-interval:60s}") Duration everyTime) {
        Checkpointer checkpointer = new Checkpointer(dataSource, notary, key, clock, everyLeaves, everyTime);
        checkpointer.witnesses(witnesses);
        return checkpointer;
    }

    /** The migration aggregate replayed in memory, for point-in-time gate checklists. */
    @Singleton
    dev.dimmer.api.audit.MigrationReplays migrationReplays() {
        return new dev.dimmer.core.migration.InMemoryMigrations();
    }

    @Singleton
    LedgerVerifier ledgerVerifier(DataSource dataSource, SigningKey key) {
        return new LedgerVerifier(dataSource, key);
    }
}
