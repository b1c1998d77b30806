package dev.dimmer.chatbot;

import com.slack.api.app_backend.SlackSignature;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a request to {@code POST /slack/events} is Slack's, fresh and new: its timestamp within
 * {@link #WINDOW} of now in either direction, its signature {@code v0=HMAC-SHA256(secret, "v0:ts:body")}
 * matching, and the signature never taken in before ({@link ReplayGuard}).
 */
@Singleton
public class SlackRequestCheck {
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private final SlackSignature.Generator signatures;
    private final ReplayGuard replays;
    private final Clock clock;

    public SlackRequestCheck(SlackSettings settings, ReplayGuard replays, Clock clock) {
        this.signatures = settings.signingSecret() == null ? null
                : new SlackSignature.Generator(settings.signingSecret());
        this.replays = replays;
        this.clock = clock;
    }

    /** Why the request is refused, in one line for the log, or empty when it may go on to the handlers. */
    public Optional<String> refusal(String timestamp, String body, String signature) {
        if (signatures == null) {
            return Optional.of("no signing secret configured (DIMMER_SLACK_SIGNING_SECRET)");
        }
        if (timestamp == null || signature == null) {
            return Optional.of("no X-Slack-Request-Timestamp or X-Slack-Signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp is not a number of seconds");
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        long skew = Duration.between(clock.instant(), signedAt).toSeconds();
        if (Math.abs(skew) > WINDOW.toSeconds()) {
            return Optional.of("timestamp " + (skew > 0 ? skew + "s in the future" : -skew + "s old")
                    + ", outside the " + WINDOW.toMinutes() + "-minute window (a replay, or this server's clock is off)");
        }
        String expected = signatures.generate(timestamp, body == null ? "" : body);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("signature does not match (a wrong signing secret, or the body was altered)");
        }
        if (!replays.firstSighting(signature, signedAt)) {
            return Optional.of("replayed request (signature already taken in)");
        }
        return Optional.empty();
    }
}
