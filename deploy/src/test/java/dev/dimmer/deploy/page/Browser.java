package dev.dimmer.deploy.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver, with a fresh profile; or the reason it cannot start
 * here (no chromium, no chromedriver), for the test to print once and skip.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static String axe;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why no browser can run here, or null when one can. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return "no " + CHROMIUM + " (apt-get install chromium chromium-driver)";
        }
        if (!Files.isExecutable(DRIVER)) {
            return "no " + DRIVER + " (apt-get install chromium-driver)";
        }
        return null;
    }

    static Browser start() throws IOException {
        return start(true);
    }

    /** A browser whose pages run no script at all, as for a reader who turned JavaScript off. */
    static Browser startWithoutJavaScript() throws IOException {
        return start(false);
    }

    private static Browser start(boolean javascript) throws IOException {
        Path profile = Files.createTempDirectory("dimmer-chromium");
        ChromeOptions options = new ChromeOptions();
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver, profile);
    }

    /** Renders the pages as for a reader whose system asks for a "light" or "dark" colour scheme. */
    void colourScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Everything the page's console said since the last call: CSP refusals show here as errors. */
    List<String> console() {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        return lines;
    }

    /** The whole page, not only the window (as DevTools' full-size capture, without resizing the window). */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /**
     * axe-core's serious and critical violations of WCAG 2.2 A/AA on the page, as "rule: help (n nodes)". The
     * engine is axe-core's own axe.min.js, from the jar Deque publishes for Selenium.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() throws IOException {
        if (axe == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path "
                            + "(com.deque.html.axe-core:selenium)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        driver.executeScript(axe);
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
                                  resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) found;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
