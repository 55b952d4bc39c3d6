package io.migrationinsights.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.migrationinsights.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The base of every browser test: a real Chromium (Debian's {@code chromium}
 * and {@code chromium-driver}, never a download: Selenium gets both paths, so
 * Selenium Manager is not used) driven through the pages, one browser per test
 * class, and axe-core's WCAG 2.2 AA check of every page visited
 * ({@link #assertAccessible()}: no serious or critical violation).
 *
 * <p>A subclass is annotated {@code @QuarkusTest @TestProfile(BrowserProfile.class)}
 * (the one profile of all browser tests, so the app starts once for all of them)
 * and inherits the tag {@code browser}. Users come from {@link #user(String, String)} (password
 * {@link Api#PASSWORD}); {@link #open(String)} loads a path of the running app.
 */
@Tag("browser")
public abstract class BrowserTest {

    /** Debian's packages put them here; overridable with -Dbrowser.chromium and -Dbrowser.chromedriver. */
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    /** The demo organisation the profile loads. */
    protected static final String DEMO = "X26";
    /** axe-core rule tags: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    protected static ChromeDriver driver;
    private static Path profileDir;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        profileDir = Files.createTempDirectory(tmp, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        deleteQuietly(profileDir);
    }

    /** Creates (or updates) a user with a role, granted the demo organisation. */
    protected static String user(String name, String role) {
        Api.user(name, role, List.of(DEMO));
        return name;
    }

    /** Loads a path of the application (for example {@code /organisations/X26}). */
    protected void open(String path) {
        driver.get(url(path));
    }

    protected String url(String path) {
        String root = base.toString().replaceAll("/$", "");
        return root + path;
    }

    /** Signs in through the form at {@code /} with the given password, then waits for the next page. */
    protected void signIn(String name, String password) {
        driver.manage().deleteAllCookies();
        open("/");
        driver.findElement(By.id("j_username")).sendKeys(name);
        WebElement passwordField = driver.findElement(By.id("j_password"));
        passwordField.sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
        // the sign-in page has a heading too: first wait for it to go, or the next page's may be read too soon.
        // While it goes, Chrome may answer the look at its field with an "unknown error" (the node no longer
        // belongs to the document) instead of a stale element (once in CI): look again until it is stale.
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(passwordField));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    /** Signs in as a user made with {@link #user}; ends on the list of organisations. */
    protected void signIn(String name) {
        signIn(name, Api.PASSWORD);
        assertEquals("Your organisations", heading(), "signed in as " + name);
    }

    /** Signs out with the header's button (a form post with its CSRF token). */
    protected void signOut() {
        driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
    }

    protected String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    protected <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    /** Whether an element matching the selector is on the page. */
    protected boolean present(By selector) {
        return !driver.findElements(selector).isEmpty();
    }

    protected WebElement find(By selector) {
        return driver.findElement(selector);
    }

    /**
     * axe-core (WCAG 2.2 AA rules) on the page as it is now: no serious or
     * critical violation; the message names each rule and the elements.
     */
    protected void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(bad.isEmpty(), () -> driver.getCurrentUrl() + " has accessibility violations:\n" + bad.stream()
                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }

    /** The page's title, as the browser shows it in the tab. */
    protected String title() {
        return driver.getTitle();
    }

    /** A PNG of the visible window. */
    protected byte[] screenshot() {
        return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a leftover profile in target/tmp is harmless
        }
    }
}
