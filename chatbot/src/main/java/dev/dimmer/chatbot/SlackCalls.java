package dev.dimmer.chatbot;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;

/** Runs a Web API call and turns every way it can fail into a {@link SlackFailure}. */
final class SlackCalls {
    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private SlackCalls() {
    }

    static <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws SlackFailure {
        try {
            T response = call.run();
            if (!response.isOk()) {
                if ("ratelimited".equals(response.getError())) {
                    throw new SlackFailure(method + ": rate limited", Duration.ofSeconds(1));
                }
                throw new SlackFailure(method + ": " + response.getError(), null);
            }
            return response;
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                throw new SlackFailure(method + ": rate limited", retryAfter(e.getResponse().header("Retry-After")));
            }
            throw new SlackFailure(method + ": HTTP " + e.getResponse().code(), null);
        } catch (IOException e) {
            throw new SlackFailure(method + ": Slack unreachable (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
