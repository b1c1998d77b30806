package dev.dimmer.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlashArgumentsTest {
    @Test
    void shouldSplitTheNamedWordsFromTheReason() {
        SlashArguments args = SlashArguments.parse("  crm  customers   p99 above  SLO ", 2);
        assertThat(args.words()).containsExactly("crm", "customers");
        assertThat(args.rest()).isEqualTo("p99 above  SLO");
    }

    @Test
    void shouldSayWhenWordsAreMissing() {
        assertThat(SlashArguments.parse("crm", 2).has(2)).isFalse();
        assertThat(SlashArguments.parse(null, 2).has(1)).isFalse();
    }

    @Test
    void shouldReadSlacksRetryAfterAndFallBackToOneSecond() {
        assertThat(SlackCalls.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlackCalls.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackCalls.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    }
}
