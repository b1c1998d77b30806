package dev.dimmer.deploy.page;

import static dev.dimmer.deploy.RunningControlPlane.CONSUMER;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.Plans;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may open the status pages, over plain HTTP: sign-in with a token gives an HttpOnly, SameSite=Strict session
 * cookie; a form without its token or from another site is refused; sign-out ends the session on the server; the
 * pages carry a Content-Security-Policy without inline scripts and stay small.
 */
class PageAccessTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static TestDatabase database;
    private static RunningControlPlane server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders("crm-pages"));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void canSignInWithATokenAndOutAgain() throws Exception {
        // given the sign-in form and its cookie
        HttpResponse<String> form = get("/signin", null);
        String formCookie = cookie(form, PageAccess.SIGN_IN_COOKIE);
        String csrf = csrf(form.body());

        // when the lead signs in with the form's token
        HttpResponse<String> signedIn = post("/signin", formCookie, "csrf=" + csrf + "&token=" + enc(LEAD),
                server.url());

        // then the browser holds a strict, HttpOnly session cookie and the overview opens with it
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PageAccess.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Max-Age=")
                .doesNotContain("Secure");
        String session = PageAccess.SESSION_COOKIE + "=" + setCookie.split("[=;]")[1];
        HttpResponse<String> overview = get("/", session);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("CRM to managed PostgreSQL").doesNotContain(LEAD);
        assertThat(overview.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);

        // and a sign-out without the session's form token is refused, with it the session ends
        assertThat(post("/signout", session, "csrf=wrong", server.url()).statusCode()).isEqualTo(403);
        assertThat(post("/signout", session, "csrf=" + csrf(overview.body()), server.url()).statusCode())
                .isEqualTo(303);
        assertThat(get("/", session).statusCode()).isEqualTo(303);
    }

    @Test
    void cannotSignInFromAnotherSiteOrWithoutTheFormOrWithAConsumerToken() throws Exception {
        HttpResponse<String> form = get("/signin", null);
        String formCookie = cookie(form, PageAccess.SIGN_IN_COOKIE);
        String csrf = csrf(form.body());
        assertThat(post("/signin", formCookie, "csrf=" + csrf + "&token=" + enc(LEAD), "https://evil.example")
                .statusCode()).isEqualTo(403);
        assertThat(post("/signin", null, "csrf=" + csrf + "&token=" + enc(LEAD), server.url()).statusCode())
                .isEqualTo(403);
        assertThat(post("/signin", formCookie, "csrf=" + csrf + "&token=nope", server.url()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> consumer = post("/signin", formCookie, "csrf=" + csrf + "&token=" + enc(CONSUMER),
                server.url());
        assertThat(consumer.statusCode()).isEqualTo(403);
        assertThat(consumer.body()).contains("consumer role only");
    }

    @Test
    void shouldSendPagesWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/signin", null);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain(" style=");
        assertThat(get("/", null).statusCode()).isEqualTo(303);
        assertThat(get("/events", null).statusCode()).isEqualTo(401);
        assertThat(get("/share/crm-pages.AAAAAAAAAAAA.1999999999."
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null).statusCode()).isEqualTo(410);
        HttpResponse<String> asset = get("/assets/" + Assets.HTMX, null);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(get("/assets/..%2Flogback.xml", null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response, String name) {
        String set = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie"));
        return name + "=" + set.split("[=;]")[1];
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a csrf field in " + html).isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
