package dev.dimmer.chatbot;

import com.slack.api.Slack;
import com.slack.api.model.User;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Display names of Slack users the configuration and the plans do not name, from Slack's directory
 * ({@code users.info}, scope {@code users:read}), cached for an hour. Never the request's {@code user_name}: that
 * is whatever the sender's client says.
 */
@Singleton
public class SlackProfiles {
    static final Duration KEEP = Duration.ofHours(1);
    static final int MAX_CACHED = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(SlackProfiles.class);
    private final SlackSettings settings;
    private final Slack slack;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String name, Instant until) {
    }

    public SlackProfiles(SlackSettings settings, Slack slack, Clock clock) {
        this.settings = settings;
        this.slack = slack;
        this.clock = clock;
    }

    /** The user's name in Slack's directory, or empty when Slack cannot tell (no token, unknown user, outage). */
    Optional<String> name(String userId) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.name());
        }
        if (!settings.posting()) {
            return Optional.empty();
        }
        try {
            User user = SlackCalls.call("users.info", () -> slack.methods(settings.botToken())
                    .usersInfo(r -> r.user(userId))).getUser();
            String name = nameOf(user);
            if (name == null) {
                return Optional.empty();
            }
            if (cache.size() >= MAX_CACHED) {
                cache.values().removeIf(c -> !now.isBefore(c.until()));
                if (cache.size() >= MAX_CACHED) {
                    cache.clear();
                }
            }
            cache.put(userId, new Cached(name, now.plus(KEEP)));
            return Optional.of(name);
        } catch (SlackFailure failure) {
            LOG.info("no name from Slack for {}: {}", userId, failure.getMessage());
            return Optional.empty();
        }
    }

    private static String nameOf(User user) {
        if (user == null) {
            return null;
        }
        User.Profile profile = user.getProfile();
        for (String candidate : new String[] {profile == null ? null : profile.getDisplayName(),
                profile == null ? null : profile.getRealName(), user.getRealName(), user.getName()}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }
}
