package dev.dimmer.core.axon;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's claims on a processor's segments while one of its handlers waits on long work (a runbook step
 * on a slow webhook or statement). A processor renews its claims only between batches: work longer than
 * {@code dimmer.axon.claim-timeout} would let another node take the segment and handle the same event again while
 * this node still runs it. The renewals run on a thread of their own, outside the batch's transaction, so the other
 * nodes see them at once.
 */
@Singleton
public final class ClaimRenewal {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimRenewal.class);
    private final Provider<Configuration> axon;
    private final Duration every;
    private final ExecutorService renewer = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "dimmer-claim-renewal");
        thread.setDaemon(true);
        return thread;
    });

    // a provider: the handlers that use this are built into Axon's configuration
    ClaimRenewal(Provider<Configuration> axon, @Value("${dimmer.axon.claim-timeout:10s}") Duration claimTimeout) {
        this.axon = axon;
        // several renewals per timeout: one delayed by a busy machine or a slow database does not lose the claim
        this.every = claimTimeout.dividedBy(5);
    }

    /** Waits for {@code work} and answers its result, renewing this node's claims on the processor meanwhile. */
    public <T> T await(String processor, Future<T> work) throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return work.get(every.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                renew(processor);
            }
        }
    }

    private void renew(String processor) throws InterruptedException {
        if (renewer.isShutdown()) {
            // the node is stopping: its claims go with it
            return;
        }
        Future<?> renewal;
        try {
            renewal = renewer.submit(() -> {
                TokenStore tokens = axon.get().getComponent(TokenStore.class);
                for (int segment : tokens.fetchSegments(processor)) {
                    try {
                        tokens.extendClaim(processor, segment);
                    } catch (UnableToClaimTokenException notThisNodes) {
                        // another node's segment, or one this node lost: nothing to keep
                    }
                }
            });
        } catch (RejectedExecutionException stopping) {
            return;
        }
        try {
            renewal.get(every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            renewal.cancel(true);
            LOG.warn("the claims of {} were not renewed (tried again in {} s): {}", processor, every.toSeconds(),
                    e.getCause() == null ? e.toString() : e.getCause().getMessage());
        }
    }

    @PreDestroy
    void close() {
        renewer.shutdownNow();
    }
}
