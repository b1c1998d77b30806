package dev.dimmer.deploy.page;

import dev.dimmer.api.audit.AuditEntryView;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.actor.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The status pages: the overview, a migration, its audit trail, and the same migration pages behind a share link
 * (read-only, that migration only, no sign-in). Each page's live part reloads itself when the server-sent stream
 * says its migration changed; without JavaScript a page refreshes itself every 30 seconds instead.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class Pages {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration SETTLE = Duration.ofMillis(100);
    private final PageAccess access;
    private final PageContent content;
    private final PageEvents events;
    private final Html html;
    private final TrailVerification verification;

    Pages(PageAccess access, PageContent content, PageEvents events, Html html, TrailVerification verification) {
        this.access = access;
        this.content = content;
        this.events = events;
        this.html = html;
        this.verification = verification;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> overview(HttpRequest<?> request) throws SQLException {
        Optional<PageSession> session = access.session(request);
        if (session.isEmpty()) {
            return signIn();
        }
        Chrome chrome = signedIn(session.get(), "Migrations", "/events", "/");
        return html.page(request, "overview", new OverviewPage(chrome, content.overview()));
    }

    @Get(uri = "/migrations/{migration}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> migration(HttpRequest<?> request, @PathVariable String migration) throws SQLException {
        Optional<PageSession> session = access.session(request);
        if (session.isEmpty()) {
            return signIn();
        }
        String base = "/migrations/" + migration;
        Chrome chrome = signedIn(session.get(), migration, "/events?migration=" + migration, base);
        return migrationPage(request, chrome, migration, base);
    }

    @Get(uri = "/migrations/{migration}/audit", produces = MediaType.TEXT_HTML)
    HttpResponse<?> audit(HttpRequest<?> request, @PathVariable String migration, @Nullable @QueryValue String who,
                          @Nullable @QueryValue String what, @Nullable @QueryValue String wave,
                          @Nullable @QueryValue String channel, @Nullable @QueryValue String from,
                          @Nullable @QueryValue String to, @Nullable @QueryValue String verify) throws SQLException {
        Optional<PageSession> session = access.session(request);
        if (session.isEmpty()) {
            return signIn();
        }
        String base = "/migrations/" + migration;
        Chrome chrome = signedIn(session.get(), "Audit of " + migration, "/events?migration=" + migration,
                request.getUri().toString());
        return auditPage(request, chrome, migration, base, new AuditFilter(blank(who), blank(what), blank(wave),
                blank(channel), blank(from), blank(to)), session.get().actor(), verify != null);
    }

    @Get(uri = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> live(HttpRequest<?> request, @Nullable @QueryValue String migration) {
        if (access.session(request).isEmpty()) {
            return Flux.error(new HttpStatusException(HttpStatus.UNAUTHORIZED, "sign in first"));
        }
        return stream(migration == null ? m -> true : migration::equals, () -> true);
    }

    @Get(uri = "/share/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> shared(HttpRequest<?> request, @PathVariable String token) throws SQLException {
        Optional<String> migration = access.share(token);
        if (migration.isEmpty()) {
            return closedLink(request);
        }
        String base = "/share/" + token;
        Chrome chrome = new Chrome(migration.get(), null, null, base + "/events", base, null, true);
        return migrationPage(request, chrome, migration.get(), base);
    }

    @Get(uri = "/share/{token}/audit", produces = MediaType.TEXT_HTML)
    HttpResponse<?> sharedAudit(HttpRequest<?> request, @PathVariable String token, @Nullable @QueryValue String who,
                                @Nullable @QueryValue String what, @Nullable @QueryValue String wave,
                                @Nullable @QueryValue String channel, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to) throws SQLException {
        Optional<String> migration = access.share(token);
        if (migration.isEmpty()) {
            return closedLink(request);
        }
        String base = "/share/" + token;
        Chrome chrome = new Chrome("Audit of " + migration.get(), null, null, base + "/events",
                request.getUri().toString(), null, true);
        return auditPage(request, chrome, migration.get(), base, new AuditFilter(blank(who), blank(what),
                blank(wave), blank(channel), blank(from), blank(to)), null, false);
    }

    @Get(uri = "/share/{token}/events", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> sharedLive(@PathVariable String token) {
        Optional<String> migration = access.share(token);
        if (migration.isEmpty()) {
            return Flux.error(new HttpStatusException(HttpStatus.GONE, "this share link is closed"));
        }
        // a revoked or expired link hears of it at the next change: the page reloads and shows that it closed
        return stream(migration.get()::equals, () -> access.share(token).isPresent());
    }

    /**
     * One "changed" message (its data the migration's id) per change of a shown migration, at most one per
     * {@link #SETTLE}; a comment now and then keeps proxies from closing the stream. When {@code open} turns
     * false the stream says "changed" once more (the page reloads and shows why) and ends.
     */
    private Publisher<Event<?>> stream(Predicate<String> migrations, java.util.function.BooleanSupplier open) {
        Flux<Event<?>> changed = events.changes().filter(migrations)
                .sample(SETTLE)
                .publishOn(Schedulers.boundedElastic())
                .takeUntil(m -> !open.getAsBoolean())
                .map(m -> Event.<Object>of(m).name("changed"));
        Flux<Event<?>> alive = Flux.interval(HEARTBEAT).publishOn(Schedulers.boundedElastic())
                .takeWhile(i -> open.getAsBoolean())
                .map(i -> Event.of((Object) "").comment("alive"));
        // the first comment sends the response headers at once: the browser knows it is connected
        Flux<Event<?>> hello = Flux.just(Event.of((Object) "").comment("connected"));
        return Flux.concat(hello, Flux.merge(changed, alive));
    }

    private HttpResponse<?> migrationPage(HttpRequest<?> request, Chrome chrome, String migration, String base)
            throws SQLException {
        Optional<MigrationStatusView> view = find(migration);
        if (view.isEmpty()) {
            return html.page(request, HttpStatus.NOT_FOUND, "problem", new ProblemPage(chrome, "No such migration",
                    "There is no migration '" + migration + "'. The overview lists every migration."));
        }
        Chrome titled = new Chrome(view.get().title(), chrome.who(), chrome.csrf(), chrome.eventsUrl(),
                chrome.selfUrl(), chrome.homeUrl(), chrome.shared());
        return html.page(request, "migration", content.migration(titled, view.get(), base));
    }

    private HttpResponse<?> auditPage(HttpRequest<?> request, Chrome chrome, String migration, String base,
                                      AuditFilter filter, Actor reader, boolean verify) throws SQLException {
        Optional<MigrationStatusView> view = find(migration);
        if (view.isEmpty()) {
            return html.page(request, HttpStatus.NOT_FOUND, "problem", new ProblemPage(chrome, "No such migration",
                    "There is no migration '" + migration + "'. The overview lists every migration."));
        }
        List<AuditEntryView> trail = content.trail(migration);
        Instant from = instant(filter.from(), false);
        Instant to = instant(filter.to(), true);
        List<AuditEntryView> shown = trail.stream()
                .filter(e -> filter.who() == null || filter.who().equals(e.actorName()) || filter.who().equals(e.actor()))
                .filter(e -> filter.what() == null || filter.what().equals(e.type()))
                .filter(e -> filter.wave() == null || filter.wave().equals(e.wave()))
                .filter(e -> filter.channel() == null || filter.channel().equals(e.channel()))
                .filter(e -> from == null || !e.time().isBefore(from))
                .filter(e -> to == null || e.time().isBefore(to))
                .toList();
        boolean mayVerify = verification.mayVerify(reader);
        LedgerVerdict verdict = verify && mayVerify ? verification.verify(migration) : null;
        return html.page(request, "audit", new AuditPage(chrome, migration, view.get().title(), base, filter,
                shown, trail.size(), PageContent.distinct(trail, AuditEntryView::type),
                PageContent.distinct(trail, AuditEntryView::actorName), PageContent.distinct(trail, AuditEntryView::wave),
                PageContent.distinct(trail, AuditEntryView::channel),
                mayVerify ? base + "/audit?verify=1" : null, verdict));
    }

    private Optional<MigrationStatusView> find(String migration) throws SQLException {
        try {
            Ids.requireMigrationId(migration);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return content.status(migration);
    }

    private HttpResponse<?> closedLink(HttpRequest<?> request) {
        Chrome chrome = new Chrome("Link closed", null, null, null, null, null, true);
        return html.page(request, HttpStatus.GONE, "problem", new ProblemPage(chrome, "This link is closed",
                "This share link has expired or was revoked. Ask the person who shared it for a new one."));
    }

    private static Chrome signedIn(PageSession session, String title, String events, String self) {
        return new Chrome(title, session.actor().name(), session.csrf(), events, self, "/", false);
    }

    private static HttpResponse<?> signIn() {
        return HttpResponse.seeOther(URI.create("/signin"));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter's date or instant; a date ending the range counts the whole day. Unreadable input is ignored. */
    private static Instant instant(String text, boolean end) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
