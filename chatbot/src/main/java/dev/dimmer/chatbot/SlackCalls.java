package dev.dimmer.chatbot;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Runs a Web API call and turns every way it can fail into a {@link SlackFailure}: Slack's own errors are
 * permanent, except the few that say "later" (rate limits, Slack's internal errors); HTTP 429, 5xx and network
 * failures are transient.
 */
final class SlackCalls {
    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org");
    private static final String TOKEN = "DIMMER_SLACK_BOT_TOKEN is not valid any more: reinstall the app and set "
            + "the new bot token";
    private static final String TOO_BIG = "the message does not fit Slack's limits; it is dropped (the audit trail "
            + "has the event)";
    private static final Map<String, String> ADVICE = Map.ofEntries(
            Map.entry("msg_too_long", TOO_BIG),
            Map.entry("invalid_blocks", TOO_BIG),
            Map.entry("invalid_blocks_format", TOO_BIG),
            Map.entry("no_text", TOO_BIG),
            Map.entry("channel_not_found", "check communication.channel in the plan, and that the bot can see "
                    + "the channel (a private channel needs /invite @dimmer)"),
            Map.entry("not_in_channel", "/invite @dimmer in the channel, or grant the chat:write.public scope"),
            Map.entry("is_archived", "unarchive the channel, or name another in the plan's communication.channel"),
            Map.entry("invalid_auth", TOKEN),
            Map.entry("not_authed", TOKEN),
            Map.entry("account_inactive", TOKEN),
            Map.entry("token_revoked", TOKEN),
            Map.entry("token_expired", TOKEN),
            Map.entry("missing_scope", "add the scope the method needs to deploy/slack-app-manifest.yaml's and "
                    + "reinstall the app"));

    private SlackCalls() {
    }

    static <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws SlackFailure {
        try {
            T response = call.run();
            if (!response.isOk()) {
                throw failure(method, response.getError());
            }
            return response;
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                throw new SlackFailure(method + ": rate limited", retryAfter(e.getResponse().header("Retry-After")));
            }
            if (code >= 500 || code == 408) {
                throw new SlackFailure(method + ": HTTP " + code, null);
            }
            String error = e.getError() == null ? null : e.getError().getError();
            throw error != null ? failure(method, error) : SlackFailure.permanent(method + ": HTTP " + code,
                    "check DIMMER_SLACK_API_URL and any proxy in between");
        } catch (IOException e) {
            throw new SlackFailure(method + ": Slack unreachable (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    static SlackFailure failure(String method, String error) {
        String code = error == null ? "unknown error" : error;
        if (TRANSIENT.contains(code)) {
            return new SlackFailure(method + ": " + code,
                    code.contains("rate") ? Duration.ofSeconds(1) : null);
        }
        return SlackFailure.permanent(method + ": " + code, ADVICE.getOrDefault(code,
                "see https://api.slack.com/methods/" + method + "#errors"));
    }

    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
