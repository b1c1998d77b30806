package dev.dimmer.deploy.page;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.deploy.evidence.EvidenceLoopTest;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status pages in a real browser (Debian's headless Chromium): the overview and a migration followed through
 * its lifecycle, each change showing on the open page without a reload; share links for one migration that stop at
 * revocation and at expiry; no script or style refused by the Content-Security-Policy; no serious accessibility
 * violation (axe-core, run in the page). Screenshots go to target/screenshots for review.
 */
class StatusPagesTest {
    private static final Duration LIVE = Duration.ofSeconds(2);
    private static final MovableClock CLOCK = new MovableClock();
    private static TestDatabase control;
    private static TestDatabase source;
    private static TestDatabase target;
    private static RunningControlPlane server;
    private static Browser browser;

    @BeforeAll
    static void start() throws SQLException, IOException {
        String missing = Browser.missing();
        if (missing != null) {
            System.out.println("StatusPagesTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        control = TestPostgres.newDatabase();
        source = TestPostgres.newDatabase();
        target = TestPostgres.newDatabase();
        for (TestDatabase side : List.of(source, target)) {
            EvidenceLoopTest.sql(side, "CREATE SCHEMA shop", "CREATE TABLE shop.orders (order_id INT PRIMARY KEY, "
                    + "status TEXT NOT NULL, total_amount NUMERIC(12,2) NOT NULL, order_date DATE NOT NULL)",
                    "INSERT INTO shop.orders SELECT g, 'open', g * 10.5, DATE '2026-12-01' + (g % 3) "
                            + "FROM generate_series(1, 200) g");
        }
        server = RunningControlPlane.withBeans(control, Map.of(), List.of(CLOCK));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        for (TestDatabase db : new TestDatabase[] {source, target, control}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void canFollowAMigrationThroughItsLifecycleOnOpenPagesWithoutReloading() throws IOException {
        // given a registered migration and a signed-in lead on the overview
        String id = "shop-pages";
        register(id);
        ChromeDriver driver = signIn(LEAD);
        driver.get(server.url() + "/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Migrations");
        assertThat(badge(driver, id, "orders")).contains("planned");
        checkPage("overview-planned");

        // when the lead moves the wave over the API while the migration page stays open
        driver.get(server.url() + "/migrations/" + id);
        driver.executeScript("window.dimmerTestMarker = 'never reloaded';");
        act(id, "advance", "snapshot restored");
        List<Long> delays = new ArrayList<>();
        delays.add(awaitBadge(driver, "orders", "backfill"));
        act(id, "advance", "backfill verified");
        delays.add(awaitBadge(driver, "orders", "shadow"));
        validate(id, List.of("orders-row-count", "orders-checksum"));
        new WebDriverWait(driver, LIVE).until(d -> !d.findElements(By.cssSelector("#evidence")).isEmpty()
                && !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
        act(id, "advance", "shadow clean");
        delays.add(awaitBadge(driver, "orders", "canary"));
        act(id, "rollback", "p99 above SLO");
        delays.add(awaitBadge(driver, "orders", "shadow"));

        // then each change showed within two seconds, on the same page, the rollback marked with its reason
        assertThat(delays).allMatch(ms -> ms < LIVE.toMillis());
        assertThat(driver.executeScript("return window.dimmerTestMarker;")).isEqualTo("never reloaded");
        WebElement rollback = driver.findElement(By.cssSelector(".timeline li.rollback"));
        assertThat(rollback.getText()).contains("rolled back from canary 10% to shadow").contains("p99 above SLO")
                .contains("Ada Lead");
        assertThat(driver.findElement(By.cssSelector(".checklist")).getText()).contains("orders-checksum");
        assertThat(driver.getPageSource()).doesNotContain(source.url()).doesNotContain(target.url())
                .doesNotContain(LEAD);
        checkPage("migration");

        // and the overview and the audit trail tell the same story
        driver.get(server.url() + "/");
        assertThat(badge(driver, id, "orders")).contains("shadow");
        assertThat(driver.findElement(By.id("m-" + id)).getText())
                .contains("by Ada Lead");
        checkPage("overview");
        driver.get(server.url() + "/migrations/" + id + "/audit?what=WaveRolledBackEvent");
        assertThat(driver.findElements(By.cssSelector("table.trail tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("table.trail tbody")).getText()).contains("p99 above SLO");
        checkPage("audit");
        System.out.println("status pages: changes showed on the open page after " + delays + " ms");
    }

    @Test
    void canShareOneMigrationReadOnlyUntilTheLinkIsRevokedOrExpires() throws IOException {
        // given two migrations and a share link to the first, made by the lead
        String id = "shop-shared";
        register(id);
        register("shop-private");
        assertThat(server.post("/api/migrations/" + id + "/share-links", VIEWER, Map.of("expires", "1d")).status())
                .isEqualTo(403);
        Answer created = server.post("/api/migrations/" + id + "/share-links", LEAD,
                Map.of("expires", "2h", "reason", "for the finance team"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String link = created.body().path("url").asText();
        assertThat(link).startsWith(server.url() + "/share/" + id + ".");

        // when a stranger without a session opens it
        ChromeDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        browser.console();
        driver.get(link);

        // then it shows that migration, read-only, without connections or sign-out
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Shop orders to the new cluster");
        assertThat(driver.findElement(By.cssSelector(".shared")).getText()).contains("read-only");
        assertThat(driver.findElements(By.cssSelector("form.signout"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(source.url()).doesNotContain("jdbc:");
        checkPage("shared");
        driver.get(link + "/audit");
        assertThat(driver.findElement(By.cssSelector("table.trail")).getText()).contains("ShareLinkCreatedEvent");

        // and it opens nothing else: not another migration, not the overview, not with its token edited
        driver.get(server.url() + "/migrations/shop-private");
        assertThat(driver.getCurrentUrl()).endsWith("/signin");
        driver.get(link.replace("/share/" + id + ".", "/share/shop-private."));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link is closed");

        // when the lead revokes it while the page is open, the page says so by itself
        driver.get(link);
        String linkId = created.body().path("link_id").asText();
        Answer revoked = server.post("/api/migrations/" + id + "/share-links/" + linkId + "/revoke", LEAD,
                Map.of("reason", "shared by mistake"));
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        new WebDriverWait(driver, LIVE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().equals("This link is closed"));
        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link is closed");

        // and a link past its expiry opens nothing either
        Answer shortLived = server.post("/api/migrations/" + id + "/share-links", LEAD, Map.of("expires", "10m"));
        String expiring = shortLived.body().path("url").asText();
        driver.get(expiring);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Shop orders");
        CLOCK.advance(Duration.ofMinutes(11));
        driver.get(expiring);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link is closed");
        var list = server.get("/api/migrations/" + id + "/share-links", LEAD).body().path("links");
        assertThat(list).extracting(l -> l.path("state").asText()).containsExactly("revoked", "expired");

        // and creating and revoking are on the migration's audit trail, with who and why
        var trail = server.get("/api/migrations/" + id + "/audit", LEAD).body().path("entries");
        List<String> shares = new ArrayList<>();
        trail.forEach(e -> {
            if (e.path("type").asText().startsWith("ShareLink")) {
                shares.add(e.path("type").asText() + " by " + e.path("actor_name").asText() + ": "
                        + e.path("reason").asText());
            }
        });
        assertThat(shares).containsExactly("ShareLinkCreatedEvent by Ada Lead: for the finance team",
                "ShareLinkRevokedEvent by Ada Lead: shared by mistake",
                "ShareLinkCreatedEvent by Ada Lead: share link for stakeholders");
    }

    private static ChromeDriver signIn(String token) {
        ChromeDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        browser.console();
        driver.get(server.url() + "/");
        assertThat(driver.getCurrentUrl()).endsWith("/signin");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("form.signin button")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.getCurrentUrl().endsWith("/signin"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("sign-in did not open the overview: " + driver.getCurrentUrl() + "\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        return driver;
    }

    /** No CSP refusal or script error in the console, no serious accessibility violation, and a screenshot. */
    private static void checkPage(String name) throws IOException {
        List<String> console = browser.console();
        assertThat(console).as("console of " + name).noneMatch(line -> line.contains("Content Security Policy")
                || line.startsWith("SEVERE"));
        assertThat(browser.accessibilityViolations()).as("axe-core on " + name).isEmpty();
        browser.screenshot(name);
    }

    private static String badge(ChromeDriver driver, String migration, String wave) {
        return driver.findElement(By.xpath("//tr[@id='m-" + migration + "']//li[span[@class='wn']='" + wave
                + "']/span[contains(@class,'badge')]")).getText();
    }

    private static long awaitBadge(ChromeDriver driver, String wave, String phase) {
        long started = System.nanoTime();
        new WebDriverWait(driver, LIVE, Duration.ofMillis(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.xpath(
                "//table[contains(@class,'waves')]//tr[th='" + wave + "']//span[contains(@class,'badge')]"))
                .stream().anyMatch(e -> e.getText().contains(phase)));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void act(String id, String action, String reason) {
        Answer answer = server.post("/api/migrations/" + id + "/waves/orders/" + action, LEAD,
                Map.of("reason", reason));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private static void validate(String id, List<String> only) {
        Answer accepted = server.post("/api/migrations/" + id + "/waves/orders/validations", OPERATOR,
                Map.of("reason", "check the copy", "only", only));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        server.await("/api/migrations/" + id + "/validations/runs/" + accepted.body().path("run_id").asText(),
                VIEWER, run -> run.path("runs").path(0).hasNonNull("completed_at"));
    }

    private static void register(String id) {
        String plan = EvidenceLoopTest.plan(id, source, target) + """
                windows:
                  time_zone: Europe/Berlin
                  cutover: {cron: "0 0 22 ? * SAT", duration: 4h}
                communication:
                  channel: "#shop-migration"
                """;
        Answer registered = server.postYaml("/api/migrations", LEAD, plan);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    }
}
