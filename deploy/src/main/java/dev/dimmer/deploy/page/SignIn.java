package dev.dimmer.deploy.page;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.ActorDirectory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with an API token, once: the browser gets a session cookie and never holds the token. The form carries
 * a one-time token that must match a cookie of its own (and the request must come from these pages), so no other
 * site can sign a browser in or out.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SignIn {
    private static final Duration FORM_LIFETIME = Duration.ofMinutes(30);
    private final PageAccess access;
    private final PageSessions sessions;
    private final ActorDirectory actors;
    private final Html html;

    SignIn(PageAccess access, PageSessions sessions, ActorDirectory actors, Html html) {
        this.access = access;
        this.sessions = sessions;
        this.actors = actors;
        this.html = html;
    }

    @Get("/signin")
    HttpResponse<?> form(HttpRequest<?> request) {
        return form(request, HttpStatus.OK, null);
    }

    @Post(uri = "/signin", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        Optional<String> expected = request.getCookies().findCookie(PageAccess.SIGN_IN_COOKIE).map(Cookie::getValue);
        if (!access.sameOrigin(request) || expected.isEmpty() || !same(expected.get(), form.get("csrf"))) {
            return form(request, HttpStatus.FORBIDDEN, "This form has expired or did not come from this page; "
                    + "sign in again below.");
        }
        String token = form.getOrDefault("token", "").strip();
        Optional<Actor> actor = token.isEmpty() ? Optional.empty() : actors.byToken(token);
        if (actor.isEmpty()) {
            return form(request, HttpStatus.UNAUTHORIZED, "That token is not known to this server. Use the API "
                    + "token you give the CLI (DIMMER_TOKEN, or the dev-mode token file).");
        }
        if (actor.get().evaluatesOnly()) {
            return form(request, HttpStatus.FORBIDDEN, actor.get().name() + " holds the consumer role only: it "
                    + "reads routing switches and cannot open the status pages.");
        }
        PageSessions.Started started = sessions.start(actor.get());
        return HttpResponse.seeOther(URI.create("/"))
                .cookie(access.cookie(request, PageAccess.SESSION_COOKIE, started.cookie(), sessions.ttl()))
                .cookie(access.cookie(request, PageAccess.SIGN_IN_COOKIE, "", Duration.ZERO));
    }

    @Post(uri = "/signout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
        Optional<PageSession> session = access.session(request);
        if (session.isPresent() && (!access.sameOrigin(request) || !same(session.get().csrf(), form.get("csrf")))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body("sign-out refused: the form did not come from "
                    + "this site; use the Sign out button of the page").contentType(MediaType.TEXT_PLAIN);
        }
        request.getCookies().findCookie(PageAccess.SESSION_COOKIE).ifPresent(c -> sessions.end(c.getValue()));
        return HttpResponse.seeOther(URI.create("/signin"))
                .cookie(access.cookie(request, PageAccess.SESSION_COOKIE, "", Duration.ZERO));
    }

    private MutableHttpResponse<?> form(HttpRequest<?> request, HttpStatus status, String problem) {
        String csrf = sessions.random(24);
        return html.page(request, status, "signin", new SignInPage(csrf, problem))
                .cookie(access.cookie(request, PageAccess.SIGN_IN_COOKIE, csrf, FORM_LIFETIME));
    }

    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
