package dev.dimmer.deploy.page;

import dev.dimmer.core.evidence.MigrationReader;
import dev.dimmer.core.migration.ShareLinks;
import dev.dimmer.core.share.ShareTokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Who looks at a page: a signed-in session (its cookie), or a share link (its signed token, unexpired, and not
 * revoked on its migration). Cookies are HttpOnly, SameSite=Strict, and Secure whenever the pages are reached over
 * TLS (the request's, or the public address's scheme behind a proxy).
 */
@Singleton
final class PageAccess {
    static final String SESSION_COOKIE = "dimmer_session";
    static final String SIGN_IN_COOKIE = "dimmer_signin";
    private final PageSessions sessions;
    private final ShareTokens tokens;
    private final MigrationReader migrations;
    private final Clock clock;
    private final String publicUrl;

    PageAccess(PageSessions sessions, ShareTokens tokens, MigrationReader migrations, Clock clock,
               @Value("${dimmer.pages.public-url:}") String publicUrl) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.migrations = migrations;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    Optional<PageSession> session(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION_COOKIE).flatMap(c -> sessions.find(c.getValue()));
    }

    /** The migration a share token opens now, if it opens one. */
    Optional<String> share(String token) {
        Optional<ShareTokens.Claim> claim = tokens.read(token);
        Instant now = clock.instant();
        if (claim.isEmpty() || !now.isBefore(claim.get().expiresAt())) {
            return Optional.empty();
        }
        try {
            Optional<ShareLinks.Link> link = migrations.read(claim.get().migrationId(),
                    m -> m.shareLinks().find(claim.get().linkId()));
            return link.filter(l -> l.opensAt(now) && l.expiresAt().equals(claim.get().expiresAt()))
                    .map(l -> claim.get().migrationId());
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    Cookie cookie(HttpRequest<?> request, String name, String value, Duration maxAge) {
        return Cookie.of(name, value).httpOnly(true).sameSite(SameSite.Strict).path("/").maxAge(maxAge)
                .secure(secure(request));
    }

    /**
     * Whether a form's POST comes from these pages: the browser's Origin (or, without a usable one, Sec-Fetch-Site)
     * must not name another site. The form's token is checked besides.
     */
    boolean sameOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        // under Referrer-Policy no-referrer a browser sends "Origin: null" with its forms; Sec-Fetch-Site then says
        if (origin != null && !origin.equals("null")) {
            String host = request.getHeaders().get(HttpHeaders.HOST);
            try {
                URI uri = URI.create(origin);
                String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
                boolean matchesHost = host != null && host.equalsIgnoreCase(authority);
                boolean matchesPublic = !publicUrl.isBlank() && publicUrl.replaceAll("/+$", "")
                        .equalsIgnoreCase(origin);
                return matchesHost || matchesPublic;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    private boolean secure(HttpRequest<?> request) {
        return request.isSecure() || publicUrl.startsWith("https:");
    }
}
