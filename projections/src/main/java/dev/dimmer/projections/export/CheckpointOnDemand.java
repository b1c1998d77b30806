package dev.dimmer.projections.export;

/**
 * Signs a checkpoint of every leaf so far, so that an export or proof covers the newest events too. The notary
 * provides it; without one, exports and proofs use the newest stored checkpoint.
 */
@FunctionalInterface
public interface CheckpointOnDemand {
    void signNow();
}
