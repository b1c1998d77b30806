package dev.dimmer.deploy.server;

import dev.dimmer.core.audit.Checkpointer;
import dev.dimmer.projections.export.CheckpointOnDemand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.sql.SQLException;

/** Lets exports and proofs (projections) have the notary (core) sign a checkpoint first; neither knows the other. */
@Factory
class NotarySigning {
    @Singleton
    CheckpointOnDemand checkpointOnDemand(Checkpointer checkpointer) {
        return () -> {
            try {
                checkpointer.checkpoint(true);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot sign a checkpoint: " + e.getMessage(), e);
            }
        };
    }
}
