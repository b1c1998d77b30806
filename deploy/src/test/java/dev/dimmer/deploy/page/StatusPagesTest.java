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
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status pages in a real browser (Debian's headless Chromium): the overview and a migration followed through
 * its lifecycle, each change showing on the open page without a reload; share links for one migration that stop at
 * revocation and at expiry; no script or style refused by the Content-Security-Policy; no serious accessibility
 * violation of WCAG 2.2 A/AA (axe-core, run in the page), with every phase on show, in light and dark; a keyboard
 * walk over the overview; the audit page's verify result before and after rows are edited in the database; every
 * page read with JavaScript off. One browser of each kind serves the class. Screenshots go to target/screenshots.
 */
class StatusPagesTest {
    private static final Duration LIVE = Duration.ofSeconds(2);
    private static final MovableClock CLOCK = new MovableClock();
    private static TestDatabase control;
    private static TestDatabase source;
    private static TestDatabase target;
    private static RunningControlPlane server;
    private static Browser browser;
    private static Browser plain;

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
        plain = Browser.startWithoutJavaScript();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (plain != null) {
            plain.close();
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
        assertThat(driver.findElement(By.cssSelector("table.trail")).getText()).contains("Share link created");

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

    @Test
    void canVerifyTheTrailOnTheAuditPageAndSeeWhereItWasTamperedWith() throws IOException, SQLException {
        // given a migration with a few moves, its audit page open for a viewer and then for the lead
        String id = "shop-verified";
        register(id);
        act(id, "orders", "advance", "snapshot restored");
        act(id, "orders", "advance", "backfill verified");
        ChromeDriver driver = signIn(VIEWER);
        driver.get(server.url() + "/migrations/" + id + "/audit");
        assertThat(driver.findElements(By.partialLinkText("Verify"))).as("a viewer may not verify").isEmpty();
        driver.get(server.url() + "/migrations/" + id + "/audit?verify=1");
        assertThat(driver.findElements(By.cssSelector(".verdict"))).isEmpty();
        driver = signIn(LEAD);
        driver.get(server.url() + "/migrations/" + id + "/audit");
        int rows = driver.findElements(By.cssSelector("table.trail tbody tr")).size();

        // when the lead follows the verify link
        driver.findElement(By.linkText("Verify the trail against the signed ledger")).click();

        // then the page says the ledger is intact, with how many events and checkpoints it checked
        String intact = driver.findElement(By.cssSelector(".verdict")).getText();
        assertThat(intact).startsWith("✔ Intact").contains(rows + " events recompute to their notarised leaves")
                .containsPattern("[1-9]\\d* signed checkpoints? check out").contains("the trail below is the event log");
        checkPage("audit-verified");

        // when an attacker edits the reason of the second advance in the event table
        long edited = position(driver, "backfill verified");
        EvidenceLoopTest.sql(control, "UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from("
                + "meta_data, 'UTF8'), 'backfill verified', 'nothing to see'), 'UTF8') WHERE global_index = " + edited);
        driver.get(driver.getCurrentUrl());

        // then verifying again says tampered, names the first problem and marks its row
        String tampered = driver.findElement(By.cssSelector(".verdict")).getText();
        assertThat(tampered).startsWith("✖ Tampered").contains("1 problem found; the first: edited at audit #" + edited)
                .contains("no longer hashes");
        assertThat(driver.findElement(By.id("e" + edited)).getAttribute("class")).contains("tampered");
        assertThat(driver.findElement(By.linkText("Show audit #" + edited)).getAttribute("href"))
                .endsWith("#e" + edited);
        checkPage("audit-tampered");

        // when the event is put back and the trail's own row (the audit view, outside the ledger) is edited instead
        long shown = position(driver, "snapshot restored");
        EvidenceLoopTest.sql(control, "UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from("
                + "meta_data, 'UTF8'), 'nothing to see', 'backfill verified'), 'UTF8') WHERE global_index = " + edited,
                "UPDATE audit_entry SET reason = 'approved by the board' WHERE position = " + shown);
        driver.get(driver.getCurrentUrl());

        // then the page does not vouch for what it shows
        assertThat(driver.findElement(By.cssSelector(".verdict")).getText()).startsWith("✖ Tampered")
                .contains("the signed ledger checks out, but the trail shown here is not the event log at audit #"
                        + shown + ": why differs");
    }

    @Test
    void canSignInAndReadEveryPageWithJavaScriptOff() throws IOException {
        // given a migration in shadow with validation figures, and a browser that runs no script
        String id = "shop-plain";
        register(id);
        act(id, "orders", "advance", "snapshot restored");
        act(id, "orders", "advance", "backfill verified");
        validate(id, List.of("orders-row-count"));
        validate(id, List.of("orders-row-count"));
        ChromeDriver driver = plain.driver();
        driver.manage().deleteAllCookies();

        // when the lead signs in with the plain form (its CSRF token a hidden field)
        driver.get(server.url() + "/");
        assertThat(driver.getCurrentUrl()).endsWith("/signin");
        assertThat(driver.findElement(By.cssSelector("form.signin input[type=hidden][name=csrf]"))
                .getAttribute("value")).hasSizeGreaterThan(20);
        assertThat(driver.findElements(By.cssSelector(".noscript"))).as("nothing live to reload on sign-in").isEmpty();
        driver.findElement(By.id("token")).sendKeys(LEAD);
        follow(driver, driver.findElement(By.cssSelector("form.signin button")));

        // then the overview shows every migration, the live part offering a reload instead
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Migrations");
        assertThat(driver.findElement(By.id("m-" + id)).getText()).contains("shadow").contains("audit #");
        WebElement reload = driver.findElement(By.cssSelector("p.noscript a"));
        assertThat(reload.isDisplayed()).isTrue();
        assertThat(reload.getAttribute("href")).isEqualTo(server.url() + "/");
        assertThat(driver.findElement(By.cssSelector(".foot")).getText()).contains("without it, reload the page");
        plain.screenshot("noscript-overview");

        // and the migration page shows its timeline, and its chart as a table of figures
        driver.get(server.url() + "/migrations/" + id);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Shop orders to the new cluster");
        assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("to shadow by Ada Lead");
        assertThat(driver.findElements(By.cssSelector(".chart canvas"))).as("no chart is drawn").isEmpty();
        assertThat(driver.findElement(By.cssSelector(".chart")).getAttribute("role")).as("an empty box is no image")
                .isNull();
        WebElement figures = driver.findElement(By.cssSelector("table.chart-data"));
        assertThat(figures.isDisplayed()).isTrue();
        assertThat(figures.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(figures.getText()).contains("passed");
        follow(driver, driver.findElement(By.cssSelector("p.noscript a")));
        assertThat(driver.getCurrentUrl()).isEqualTo(server.url() + "/migrations/" + id);
        plain.screenshot("noscript-migration");

        // and the audit trail filters with a plain GET form
        follow(driver, driver.findElement(By.linkText("Audit trail")));
        int all = driver.findElements(By.cssSelector("table.trail tbody tr")).size();
        new Select(driver.findElement(By.id("f-what"))).selectByVisibleText("Wave advanced");
        follow(driver, driver.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(driver.getCurrentUrl()).contains("/migrations/" + id + "/audit?").contains("what=WaveAdvancedEvent");
        assertThat(driver.findElements(By.cssSelector("table.trail tbody tr"))).hasSize(2).hasSizeLessThan(all);
        assertThat(driver.findElement(By.cssSelector("p[role=status]")).getText()).isEqualTo("2 of " + all + " events.");
        plain.screenshot("noscript-audit");
    }

    @Test
    void shouldShowEveryPhaseByWordGlyphAndColourWithoutSeriousViolationsInLightAndDark() throws IOException {
        // given a migration with a wave in each phase and one rolled back
        String id = "shop-phases";
        Answer registered = server.postYaml("/api/migrations", LEAD, """
                slug: %s
                title: Every phase at once
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                waves:
                  - {name: planned, canary_steps: [10]}
                  - {name: backfill, canary_steps: [10]}
                  - {name: shadow, canary_steps: [10]}
                  - {name: canary, canary_steps: [10]}
                  - {name: cutover, canary_steps: [10]}
                  - {name: stabilization, canary_steps: [10]}
                  - {name: decommissioned, canary_steps: [10]}
                  - {name: dimmed, canary_steps: [10]}
                """.formatted(id));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        Map<String, Integer> advances = Map.of("backfill", 1, "shadow", 2, "canary", 3, "cutover", 3,
                "stabilization", 3, "decommissioned", 3, "dimmed", 3);
        advances.forEach((wave, n) -> {
            for (int i = 0; i < n; i++) {
                act(id, wave, "advance", "step " + (i + 1));
            }
        });
        for (String wave : List.of("cutover", "stabilization", "decommissioned")) {
            server.passGoNoGo(id, wave);
            act(id, wave, "cutover", "go/no-go passed");
        }
        act(id, "stabilization", "advance", "stabilizing");
        act(id, "decommissioned", "advance", "stabilizing");
        act(id, "decommissioned", "advance", "old path retired");
        act(id, "dimmed", "rollback", "p99 above SLO");
        ChromeDriver driver = signIn(LEAD);

        for (String scheme : List.of("light", "dark")) {
            browser.colourScheme(scheme);
            // when a reader looks at the three pages
            driver.get(server.url() + "/migrations/" + id);
            assertThat(driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches;"))
                    .isEqualTo(scheme.equals("dark"));

            // then each phase has its word and glyph, and its own colour
            Map<String, String> colours = new java.util.TreeMap<>();
            for (WebElement row : driver.findElements(By.cssSelector("table.waves tbody tr"))) {
                String wave = row.findElement(By.tagName("th")).getText();
                WebElement badge = row.findElement(By.cssSelector(".badge"));
                String phase = wave.equals("dimmed") ? "shadow" : wave;
                assertThat(badge.getText()).as("label of " + wave).endsWith(" " + phase)
                        .matches("^[○◔◑◕●✔■] .*");
                colours.put(phase, badge.getCssValue("background-color"));
            }
            assertThat(colours).hasSize(7);
            assertThat(new java.util.HashSet<>(colours.values())).as("one colour per phase: " + colours).hasSize(7);
            assertThat(driver.findElement(By.cssSelector(".timeline li.rollback")).getText())
                    .contains("↺ rollback").contains("rolled back from canary 10% to shadow").contains("p99 above SLO");
            checkPage("phases-migration-" + scheme);
            driver.get(server.url() + "/");
            checkPage("phases-overview-" + scheme);
            driver.get(server.url() + "/migrations/" + id + "/audit?verify=1");
            assertThat(driver.findElement(By.cssSelector(".verdict")).getText()).startsWith("✔ Intact");
            checkPage("phases-audit-" + scheme);
        }
        browser.colourScheme("light");
    }

    @Test
    void canTabThroughTheOverviewToEveryMigrationLinkWithAVisibleFocus() {
        // given an overview with several migrations
        register("shop-keyboard-a");
        register("shop-keyboard-b");
        ChromeDriver driver = signIn(LEAD);
        driver.get(server.url() + "/");
        java.util.Set<String> links = new java.util.TreeSet<>();
        driver.findElements(By.cssSelector("table.overview tbody th a")).forEach(a -> links.add(a.getAttribute("href")));
        assertThat(links).hasSizeGreaterThanOrEqualTo(2);

        // when a keyboard user presses Tab through the page
        java.util.Set<String> reached = new java.util.TreeSet<>();
        List<String> unmarked = new ArrayList<>();
        String first = null;
        for (int i = 0; i < 300 && !reached.containsAll(links); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) driver.executeScript("""
                    const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
                    return {tag: e.tagName, href: e.href || '', text: e.textContent.trim(),
                            visible: e.matches(':focus-visible') && s.outlineStyle !== 'none'
                                     && parseFloat(s.outlineWidth) >= 2,
                            onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= -1};""");
            if (first == null) {
                first = focus.get("text") + " " + focus.get("onScreen");
            }
            if (!Boolean.TRUE.equals(focus.get("visible")) || !Boolean.TRUE.equals(focus.get("onScreen"))) {
                unmarked.add(focus.get("tag") + " " + focus.get("text"));
            }
            if (links.contains((String) focus.get("href"))) {
                reached.add((String) focus.get("href"));
            }
        }

        // then the first stop skips to the content, every migration link is reached, and every stop shows its focus
        assertThat(first).isEqualTo("Skip to content true");
        assertThat(reached).isEqualTo(links);
        assertThat(unmarked).as("focused without a visible indicator").isEmpty();
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
        act(id, "orders", action, reason);
    }

    private static void act(String id, String wave, String action, String reason) {
        Answer answer = server.post("/api/migrations/" + id + "/waves/" + wave + "/" + action, LEAD,
                Map.of("reason", reason));
        assertThat(answer.status()).as(wave + " " + action + ": " + answer.body()).isEqualTo(200);
    }

    /** Clicks a link or a form's button and waits until the next page has replaced this one. */
    private static void follow(ChromeDriver driver, WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** The trail position of the audit page's row whose reason is {@code reason}. */
    private static long position(ChromeDriver driver, String reason) {
        return Long.parseLong(driver.findElement(By.xpath("//table[contains(@class,'trail')]//tr[td[7]='" + reason
                + "']/td[1]")).getText());
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
