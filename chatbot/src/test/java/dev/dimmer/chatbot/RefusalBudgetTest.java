package dev.dimmer.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RefusalBudgetTest {
    private static final String EVE = "U0EVE";
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final RefusalBudget budget = new RefusalBudget(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void shouldSlowDownAfterFiveRefusalsAMinuteAndLetAgainAsTheBucketRefills() {
        for (int i = 0; i < RefusalBudget.BURST; i++) {
            assertThatCode(() -> budget.requireOpen(EVE)).doesNotThrowAnyException();
            budget.spend(EVE);
        }
        assertThatThrownBy(() -> budget.requireOpen(EVE)).isInstanceOf(SlackRefusal.class)
                .hasMessageContaining("slow down").hasMessageContaining("try again in 12s");
        assertThatCode(() -> budget.requireOpen("U0ADA")).as("others are not slowed down").doesNotThrowAnyException();

        now = now.plus(Duration.ofSeconds(12));
        assertThatCode(() -> budget.requireOpen(EVE)).doesNotThrowAnyException();
        budget.spend(EVE);
        assertThatThrownBy(() -> budget.requireOpen(EVE)).isInstanceOf(SlackRefusal.class);
    }

    @Test
    void shouldStayBoundedWithManyUsers() {
        for (int i = 0; i < RefusalBudget.MAX_USERS + 10; i++) {
            budget.spend("U" + i);
        }
        assertThat(budget.users()).isLessThanOrEqualTo(RefusalBudget.MAX_USERS);
    }
}
