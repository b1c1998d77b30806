package dev.dimmer.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
    private final ConflictRetry retry = new ConflictRetry(millis -> { });

    @Test
    void shouldFireAgainWhenTheCommandLostARaceForTheMigration() {
        AtomicInteger attempts = new AtomicInteger();
        // given a firing whose command loses twice to another node's firing on the same migration
        retry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("an event for aggregate [orders] at sequence [7] was already inserted");
            }
        });
        // then it fired a third time, and that one went through
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldGiveUpAfterFiveLostRaces() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("lost again");
        })).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
    }

    @Test
    void shouldNotRetryAnyOtherFailure() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the database is away");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
