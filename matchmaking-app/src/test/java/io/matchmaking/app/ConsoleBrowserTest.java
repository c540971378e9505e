package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.http.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium, against a real server on a free port: it loads without a
 * console error, shows queues and matches as they happen, asks for the credential when there is
 * one, can be used from the keyboard, and fits a phone. Screenshots go to target/console-screenshots.
 */
@Timeout(120)
class ConsoleBrowserTest {

    private static final String TOKEN = "browser-t0k3n";
    /** The page refreshes every 2 s; a few refreshes, and a sweep, fit in this. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private MatchmakingServer server;
    private HeadlessChromium browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private void open(int width, int height, String... overrides) throws Exception {
        browser = HeadlessChromium.start(width, height);
        server = TestServers.start(overrides);
        browser.driver.get("http://127.0.0.1:" + server.port() + "/console");
    }

    /** Waits for {@code condition}; read what a refresh may replace inside it, where a replaced element is tried again. */
    private <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private String waitingIn(WebDriver driver, String queue) {
        return driver.findElements(By.cssSelector("#queues tbody tr")).stream()
                .filter(tr -> tr.getText().startsWith(queue + " "))
                .map(tr -> tr.findElements(By.tagName("td")).get(1).getText())
                .findFirst().orElse(null);
    }

    private WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    @Test
    void loadsWithoutAConsoleErrorAndShowsAQueueOnceItsPlayersJoin() throws Exception {
        open(1280, 800);
        await(driver -> byId("figures").isDisplayed());
        assertThat(byId("queues-empty").isDisplayed()).as("nobody waits yet").isTrue();
        TestClient client = new TestClient(server.port());

        client.post("/join", "{\"id\":\"p1\",\"queue\":\"ranked\"}");
        client.post("/join", "{\"id\":\"p2\",\"queue\":\"ranked\"}");

        await(driver -> "2".equals(waitingIn(driver, "ranked")));
        assertThat(byId("store").getText()).isEqualTo("reachable");
        assertThat(byId("updated").getText()).startsWith("Updated");
        assertThat(byId("zone").getText()).as("whose clock the times are on").startsWith("Times in ");
        assertThat(byId("problem").isDisplayed()).as("no problem to tell").isFalse();
        assertThat(browser.consoleProblems()).as("the browser console").isEmpty();
        assertThat(browser.script("return [window.innerWidth, window.innerHeight];")).isEqualTo(List.of(1280L, 800L));
        browser.screenshot("console-1280x800");
    }

    @Test
    void theChartsDataGrowsAsMatchesFormAndTheLatestAreListed() throws Exception {
        open(1280, 800);
        await(driver -> byId("chart").findElements(By.tagName("canvas")).size() == 1);
        assertThat(byId("chart").getAttribute("aria-label")).contains(": 0 in all");
        TestClient client = new TestClient(server.port());

        for (String player : List.of("a1", "a2", "a3", "b1", "b2", "b3")) {
            client.join(player);
        }

        // not "so far this minute": the joins and the refresh may straddle a minute's end
        await(driver -> byId("chart").getAttribute("aria-label").contains(": 2 in all,"));
        assertThat(byId("last-hour").getText()).isEqualTo("2 matches");
        List<String> latest = await(driver -> {
            List<String> rows = driver.findElements(By.cssSelector("#latest tbody tr")).stream().map(WebElement::getText).toList();
            return rows.size() == 2 ? rows : null;
        });
        assertThat(latest.get(0)).contains("b1, b2, b3");
        assertThat(latest.get(1)).contains("a1, a2, a3");
        assertThat(byId("p50").getText()).endsWith(" s");

        for (String player : List.of("c1", "c2", "c3")) {
            client.join(player);
        }
        client.post("/join", "{\"id\":\"d1\",\"queue\":\"ranked\"}");
        await(driver -> byId("chart").getAttribute("aria-label").contains(": 3 in all"));
        await(driver -> byId("queues").isDisplayed());
        assertThat(browser.consoleProblems()).as("the browser console").isEmpty();
        browser.screenshotOfTheWholePage("console-whole-page", 1280);
    }

    @Test
    void asksForTheCredentialWhenOneIsSetAndRefusesAWrongOne() throws Exception {
        open(1280, 800, "MATCHMAKING_API_TOKEN", TOKEN);
        await(driver -> byId("sign-in").isDisplayed());
        assertThat(byId("figures").isDisplayed()).isFalse();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("focus waits in the field").isEqualTo("credential");
        browser.screenshot("console-sign-in");

        byId("credential").sendKeys("not-the-token", Keys.ENTER);
        await(driver -> byId("sign-in-reason").getText().startsWith("That credential was refused"));
        assertThat(byId("figures").isDisplayed()).isFalse();

        byId("credential").sendKeys(TOKEN, Keys.ENTER);
        await(driver -> byId("figures").isDisplayed());
        assertThat(byId("store").getText()).isEqualTo("reachable");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("focus follows to the figures").isEqualTo("main");

        browser.driver.navigate().refresh();
        await(driver -> byId("figures").isDisplayed());
        assertThat(byId("sign-in").isDisplayed()).as("the tab keeps the credential").isFalse();

        byId("sign-out").click();
        await(driver -> byId("sign-in").isDisplayed());
        assertThat(byId("sign-in-reason").getText()).as("nothing was refused: the first words again")
                .startsWith("The console's figures need the server credential");
        assertThat(byId("figures").isDisplayed()).isFalse();
        // the only complaints: the browser's own notes of the refused requests, which is how the page asks
        assertThat(browser.consoleProblems()).extracting(LogEntry::getMessage)
                .allMatch(message -> message.contains("status of 401"), "is a refused request");
    }

    @Test
    void everythingIsReachableFromTheKeyboard() throws Exception {
        open(1280, 800);
        await(driver -> byId("figures").isDisplayed());
        new TestClient(server.port()).post("/join", "{\"id\":\"p1\",\"queue\":\"ranked\"}");
        await(driver -> "1".equals(waitingIn(driver, "ranked")));

        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement skip = browser.driver.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to the figures");
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

        // tab on until the table of the chart's figures: every scrolling table is a stop on the way
        WebElement summary = browser.driver.findElement(By.cssSelector("#figures details summary"));
        List<WebElement> stops = new ArrayList<>();
        while (!browser.driver.switchTo().activeElement().equals(summary) && stops.size() < 20) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            stops.add(browser.driver.switchTo().activeElement());
        }
        assertThat(browser.driver.switchTo().activeElement()).as("the chart's table, by keyboard").isEqualTo(summary);
        assertThat(stops).as("the queues' table, scrollable by keyboard on a narrow screen").contains(byId("queues-scroll"));
        assertThat(stops).as("an empty table is no stop").doesNotContain(byId("latest-scroll"));
        summary.sendKeys(Keys.ENTER);
        await(driver -> byId("per-minute").isDisplayed());
        assertThat(browser.driver.findElements(By.cssSelector("#per-minute tbody tr"))).hasSize(60);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void tellsAPlayerTokenThatItMayNotReadTheConsole() throws Exception {
        open(1280, 800, "MATCHMAKING_API_TOKEN", TOKEN, "MATCHMAKING_JWT_SECRET", TestTokens.SECRET);
        await(driver -> byId("sign-in").isDisplayed());

        byId("credential").sendKeys(TestTokens.hs256("p1"), Keys.ENTER);

        await(driver -> byId("sign-in-reason").getText().startsWith("That credential may not read the console"));
        assertThat(byId("sign-in-reason").getText()).as("the server's reason").contains("only the server credential may read the console");
        assertThat(byId("figures").isDisplayed()).isFalse();
        assertThat(browser.script("return sessionStorage.length;")).as("the refused token is not kept").isEqualTo(0L);
        assertThat(browser.consoleProblems()).extracting(LogEntry::getMessage)
                .allMatch(message -> message.contains("status of 401") || message.contains("status of 403"), "is a refused request");
    }

    @Test
    void saysSoWhenTheInstanceStopsAnsweringAndKeepsTheLastFigures() throws Exception {
        open(1280, 800);
        await(driver -> byId("figures").isDisplayed());
        new TestClient(server.port()).post("/join", "{\"id\":\"p1\",\"queue\":\"ranked\"}");
        await(driver -> driver.findElements(By.cssSelector("#queues tbody tr")).size() == 1);

        server.stop();

        await(driver -> byId("problem").isDisplayed());
        assertThat(byId("problem").getText()).startsWith("This instance does not answer");
        assertThat(byId("state").getText()).as("told to screen readers too").isEqualTo(byId("problem").getText());
        assertThat(byId("state").getAttribute("role")).isEqualTo("status");
        assertThat(byId("updated").getText()).startsWith("Last answer ");
        assertThat(byId("figures").isDisplayed()).as("the last figures stay, said to be old").isTrue();
        assertThat(byId("queues").getText()).contains("ranked");
        browser.screenshot("console-not-answering");
        // a stop may meet a request on its way: refused, reset, or Jetty's 503 while draining
        assertThat(browser.consoleProblems()).extracting(LogEntry::getMessage)
                .allMatch(message -> message.contains("net::ERR_") || message.contains("status of 503"), "is a failed request");
    }

    @Test
    void onTheAdminPortItAsksForTheCredentialToo() throws Exception {
        browser = HeadlessChromium.start(1280, 800);
        server = TestServers.start("MATCHMAKING_ADMIN_PORT", "0", "MATCHMAKING_API_TOKEN", TOKEN);
        browser.driver.get("http://127.0.0.1:" + server.adminPort().orElseThrow() + "/console");
        await(driver -> byId("sign-in").isDisplayed());

        byId("credential").sendKeys(TOKEN, Keys.ENTER);

        await(driver -> byId("figures").isDisplayed());
        assertThat(byId("store").getText()).isEqualTo("reachable");
    }

    @Test
    void fitsAPhoneWithoutScrollingSideways() throws Exception {
        open(390, 844);
        await(driver -> byId("figures").isDisplayed());
        new TestClient(server.port()).post("/join", "{\"id\":\"p1\",\"queue\":\"a-rather-long-queue-name-for-a-phone\"}");
        await(driver -> driver.findElements(By.cssSelector("#queues tbody tr")).size() == 1);

        var sizes = browser.widths();
        assertThat(((Number) sizes.get("scrollWidth")).intValue()).as("the page is no wider than the phone")
                .isLessThanOrEqualTo(((Number) sizes.get("width")).intValue());
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("console-390x844");
    }
}
