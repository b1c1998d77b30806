package dev.dimmer.chatbot;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * How to reach Slack, from {@code DIMMER_SLACK_BOT_TOKEN}, {@code DIMMER_SLACK_SIGNING_SECRET},
 * {@code DIMMER_SLACK_APP_TOKEN} (Socket Mode) and {@code DIMMER_SLACK_API_URL} (GovSlack-style hosts, proxies,
 * tests). The secrets stay in here: {@link #toString()} names none of them.
 */
@Singleton
public final class SlackSettings {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    private final String botToken;
    private final String signingSecret;
    private final String appToken;
    private final String apiUrl;

    public SlackSettings(@Nullable @Value("${dimmer.slack.bot-token:}") String botToken,
                         @Nullable @Value("${dimmer.slack.signing-secret:}") String signingSecret,
                         @Nullable @Value("${dimmer.slack.app-token:}") String appToken,
                         @Nullable @Value("${dimmer.slack.api-url:}") String apiUrl) {
        this.botToken = blankToNull(botToken);
        this.signingSecret = blankToNull(signingSecret);
        this.appToken = blankToNull(appToken);
        String url = blankToNull(apiUrl) == null ? DEFAULT_API_URL : apiUrl.strip();
        this.apiUrl = url.endsWith("/") ? url : url + "/";
    }

    /** Posting needs the bot token; without it the notifier writes its sentences to the log. */
    public boolean posting() {
        return botToken != null;
    }

    /** Slash commands and buttons over HTTP need the bot token and the signing secret. */
    public boolean http() {
        return botToken != null && signingSecret != null;
    }

    public boolean socketMode() {
        return botToken != null && appToken != null;
    }

    String botToken() {
        return botToken;
    }

    String signingSecret() {
        return signingSecret;
    }

    String appToken() {
        return appToken;
    }

    public String apiUrl() {
        return apiUrl;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public String toString() {
        return "SlackSettings[posting=" + posting() + ", http=" + http() + ", socketMode=" + socketMode()
                + ", apiUrl=" + apiUrl + "]";
    }
}
