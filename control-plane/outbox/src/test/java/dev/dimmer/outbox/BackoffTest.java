package dev.dimmer.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void shouldDoubleEachWaitUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 6);

        assertThat(IntStream.rangeClosed(1, 6).mapToObj(backoff::after).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 8L, 8L);
        assertThat(backoff.exhausted(5)).isFalse();
        assertThat(backoff.exhausted(6)).isTrue();
    }

    @Test
    void shouldKeepSlacksScheduleOfTwelveAttemptsUpTo256Times() {
        Backoff slack = Backoff.doubling(Duration.ofMillis(50));

        assertThat(slack.after(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(slack.after(9)).isEqualTo(Duration.ofMillis(50 * 256));
        assertThat(slack.after(1000)).isEqualTo(Duration.ofMillis(50 * 256));
        assertThat(slack.exhausted(11)).isFalse();
        assertThat(slack.exhausted(12)).isTrue();
    }

    @Test
    void cannotStartWithACapBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base <= cap");
    }
}
