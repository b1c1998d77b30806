package dev.dimmer.chatbot;

import com.slack.api.Slack;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.micronaut.context.annotation.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the Slack settings when the server starts, so that a wrong token is one line at start-up instead of a
 * 500 on every slash command: a token in the wrong variable, or a bot token Slack refuses ({@code auth.test}),
 * stops the start with {@link SlackSettingsRejected} naming the variable. Slack out of reach only warns: the
 * notifier retries, and the control plane does not depend on Slack. {@link #describe()} is the banner's line.
 */
@Context
public final class SlackConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);
    private static final long WAIT_SECONDS = 5;
    private final SlackSettings settings;
    private final String workspace;

    SlackConnection(SlackSettings settings, Slack slack) {
        this.settings = settings;
        this.workspace = settings.posting() ? check(settings, slack) : null;
    }

    private static String check(SlackSettings settings, Slack slack) {
        wrongKind("DIMMER_SLACK_BOT_TOKEN", settings.botToken(), "xapp-", "an app-level token (xapp-...); put it in "
                + "DIMMER_SLACK_APP_TOKEN and the Bot User OAuth Token (xoxb-...) in DIMMER_SLACK_BOT_TOKEN");
        wrongKind("DIMMER_SLACK_BOT_TOKEN", settings.botToken(), "xoxp-", "a user token (xoxp-...); use the app's "
                + "Bot User OAuth Token (xoxb-...) from OAuth & Permissions");
        wrongKind("DIMMER_SLACK_APP_TOKEN", settings.appToken(), "xoxb-", "the bot token (xoxb-...); create an "
                + "App-Level Token with connections:write under Basic Information (xapp-...)");
        wrongKind("DIMMER_SLACK_SIGNING_SECRET", settings.signingSecret(), "xox", "a token; copy the Signing "
                + "Secret from Basic Information > App Credentials");
        CompletableFuture<AuthTestResponse> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return SlackCalls.call("auth.test", () -> slack.methods(settings.botToken()).authTest(r -> r));
            } catch (SlackFailure failure) {
                throw new java.util.concurrent.CompletionException(failure);
            }
        });
        try {
            AuthTestResponse who = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return "workspace " + who.getTeam() + " (" + who.getUrl() + ") as @" + who.getUser();
        } catch (TimeoutException e) {
            answer.whenComplete((who, failure) -> {
                if (failure != null && failure.getCause() instanceof SlackFailure slackFailure
                        && slackFailure.permanent()) {
                    LOG.error(rejected(slackFailure));
                }
            });
            return "workspace not confirmed: auth.test did not answer within " + WAIT_SECONDS + " s";
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SlackFailure failure && failure.permanent()) {
                throw new SlackSettingsRejected(rejected(failure));
            }
            LOG.warn("Slack could not be reached at start-up ({}); posts will be retried", e.getCause().getMessage());
            return "workspace not confirmed: Slack could not be reached at start-up";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "workspace not confirmed";
        }
    }

    private static String rejected(SlackFailure failure) {
        return "Slack refused the start-up check (" + failure.getMessage() + "): " + failure.advice()
                + "; or unset DIMMER_SLACK_BOT_TOKEN to run without Slack";
    }

    private static void wrongKind(String variable, String value, String prefix, String advice) {
        if (value != null && value.startsWith(prefix)) {
            throw new SlackSettingsRejected(variable + " holds " + advice);
        }
    }

    /** One line for the start-up banner: whether Slack is on, how commands arrive, and which workspace. */
    public String describe() {
        if (!settings.posting()) {
            return "Slack: off (set DIMMER_SLACK_BOT_TOKEN to post to plan channels; see README, Slack)";
        }
        String commands = settings.socketMode() ? "slash commands over Socket Mode"
                : settings.http() ? "slash commands over HTTP at POST /slack/events"
                : "posting only: slash commands need DIMMER_SLACK_SIGNING_SECRET (HTTP) or DIMMER_SLACK_APP_TOKEN "
                        + "(Socket Mode)";
        return "Slack: on, " + workspace + "; " + commands;
    }
}
