package io.matchmaking.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Without them a test is skipped with one
 * line, unless {@value #REQUIRED_VARIABLE}{@code =true} (CI sets it), where it fails: a browser test
 * must never silently skip in CI.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String REQUIRED_VARIABLE = "MATCHMAKING_TEST_BROWSER_REQUIRED";
    private static final Path CHROMIUM = Path.of(System.getProperty("matchmaking.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("matchmaking.chromedriver", "/usr/bin/chromedriver"));
    /** Where the screenshots go, for a person to look at. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser (an empty profile) with a window of {@code width} × {@code height}. */
    static HeadlessChromium start(int width, int height) throws IOException {
        missing().ifPresent(HeadlessChromium::absent);
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // the flags that keep Chromium from reaching for Google's services, which a closed network
        // refuses many times over, and from needing a sandbox a container cannot give it
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        HeadlessChromium browser = new HeadlessChromium(new ChromeDriver(service, options), profile);
        browser.resizeViewport(width, height);
        return browser;
    }

    /** Makes the page's viewport, not the window around it, {@code width} × {@code height}. */
    void resizeViewport(int width, int height) {
        Dimension window = driver.manage().window().getSize();
        long innerWidth = ((Number) script("return window.innerWidth;")).longValue();
        long innerHeight = ((Number) script("return window.innerHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(
                (int) (width + window.getWidth() - innerWidth), (int) (height + window.getHeight() - innerHeight)));
    }

    private static Optional<String> missing() {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                return Optional.of(needed + " is missing (apt-get install chromium chromium-driver)");
            }
        }
        return Optional.empty();
    }

    private static void absent(String message) {
        if ("true".equalsIgnoreCase(System.getenv(REQUIRED_VARIABLE))) {
            throw new IllegalStateException("browser tests need a browser: " + message + " (" + REQUIRED_VARIABLE + "=true)");
        }
        System.err.println("SKIPPED: browser tests need a browser: " + message);
        Assumptions.abort(message);
    }

    /** What the page wrote to the browser's console since the last call, warnings and errors. */
    List<LogEntry> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
    }

    /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Saves the whole page, however long, as {@link #screenshot} does: the viewport grows to hold it. */
    Path screenshotOfTheWholePage(String name, int width) throws IOException {
        long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        resizeViewport(width, (int) height);
        return screenshot(name);
    }

    /** Runs {@code script} in the page and answers what it returns. */
    Object script(String script) {
        return driver.executeScript(script);
    }

    /** The viewport's width and the width the page takes, which is more when it scrolls sideways. */
    Map<String, Object> widths() {
        @SuppressWarnings("unchecked")
        Map<String, Object> sizes = (Map<String, Object>) script("return {width: document.documentElement.clientWidth, "
                + "scrollWidth: document.documentElement.scrollWidth};");
        return sizes;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
