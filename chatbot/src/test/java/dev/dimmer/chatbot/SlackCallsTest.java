package dev.dimmer.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackCallsTest {
    @Test
    void shouldNotRetryWhatSlackWillRefuseAgain() {
        for (String error : new String[] {"msg_too_long", "invalid_blocks", "channel_not_found", "not_in_channel",
                "is_archived", "invalid_auth", "account_inactive", "token_revoked", "some_new_error"}) {
            SlackFailure failure = SlackCalls.failure("chat.postMessage", error);
            assertThat(failure.permanent()).as(error).isTrue();
            assertThat(failure.advice()).as(error).isNotBlank();
        }
        assertThat(SlackCalls.failure("chat.postMessage", "not_in_channel").advice()).contains("/invite @dimmer");
        assertThat(SlackCalls.failure("chat.postMessage", "token_revoked").advice())
                .contains("DIMMER_SLACK_BOT_TOKEN");
    }

    @Test
    void shouldRetryRateLimitsAndSlacksOwnTrouble() {
        assertThat(SlackCalls.failure("chat.postMessage", "ratelimited").permanent()).isFalse();
        assertThat(SlackCalls.failure("chat.postMessage", "ratelimited").retryAfter()).isNotNull();
        assertThat(SlackCalls.failure("chat.postMessage", "internal_error").permanent()).isFalse();
        assertThat(SlackCalls.failure("chat.postMessage", "service_unavailable").permanent()).isFalse();
    }
}
