package app.tandem.infra.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test class, with a cookie jar of its own; open one with {@link #open()} and close it when
 * the class is done (it starts in about a second). The browser is the machine's Chromium and its chromedriver, named
 * explicitly, so Selenium Manager never tries to download either. Hosts such as {@code http://acme.localhost:PORT}
 * reach the loopback address, as Chromium resolves every {@code *.localhost} name there itself.
 *
 * <p>The helpers wait up to {@link #DEFAULT_TIMEOUT} for what they act on; {@link #driver()} gives the whole Selenium
 * API for anything else.
 */
public final class TestBrowser implements AutoCloseable {

    /** Path of the Chromium binary, default {@value #DEFAULT_CHROMIUM}. */
    public static final String CHROMIUM_VARIABLE = "TANDEM_CHROMIUM";

    /** Path of the chromedriver binary, default {@value #DEFAULT_CHROMEDRIVER}. */
    public static final String CHROMEDRIVER_VARIABLE = "TANDEM_CHROMEDRIVER";

    public static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    public static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

    /** How long the helpers wait for a page, an element or a URL. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final String INSTALL = "apt-get install -y chromium chromium-driver";

    /*
     * Selenium warns on every start that it has no DevTools module for the browser's version. The tests need none (the
     * one DevTools command here goes through chromedriver), so the warning is only noise. Held in a field because
     * java.util.logging keeps loggers weakly and would forget the level.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private TestBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, DEFAULT_TIMEOUT);
        wait.withMessage(this::whereItIs);
    }

    /**
     * Starts a fresh browser: headless, English UI, a fixed window size, no sandbox (tests run as root) and none of
     * Chromium's own traffic to the outside (updates, sync, background requests).
     *
     * @throws IllegalStateException when Chromium or chromedriver is not installed, saying what to install
     */
    public static TestBrowser open() {
        return open(System.getenv());
    }

    static TestBrowser open(Map<String, String> environment) {
        var chromium = executable(environment, CHROMIUM_VARIABLE, DEFAULT_CHROMIUM, "Chromium");
        var chromedriver = executable(environment, CHROMEDRIVER_VARIABLE, DEFAULT_CHROMEDRIVER, "chromedriver");
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--window-size=1280,1024",
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new TestBrowser(new ChromeDriver(service, options));
        } catch (WebDriverException e) {
            throw new IllegalStateException(
                    "Could not start Chromium " + chromium + " through " + chromedriver + ". The two must be of the"
                            + " same version; `" + INSTALL + "` installs a matching pair.",
                    e);
        }
    }

    private static Path executable(Map<String, String> environment, String variable, String defaultPath, String what) {
        var configured = environment.get(variable);
        var path = Path.of(configured == null || configured.isBlank() ? defaultPath : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(what + " is not installed at " + path + ". Install it with `" + INSTALL
                    + "`, or point " + variable + " at the binary.");
        }
        return path;
    }

    /** The Selenium driver, for whatever the helpers do not cover. */
    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} and waits for the page to load. */
    public void go(String url) {
        driver.get(url);
    }

    /** The visible text of the page's body. */
    public String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Replaces the value of the field that {@code field} finds, once it is visible. */
    public void fill(By field, String value) {
        var element = waitFor(ExpectedConditions.visibilityOfElementLocated(field));
        element.clear();
        element.sendKeys(value);
    }

    /**
     * Clicks the element that {@code target} finds, once it is clickable, after scrolling it to the middle of the
     * window (instantly: Bootstrap scrolls smoothly, and a click during the scroll misses).
     */
    public void click(By target) {
        var element = waitFor(ExpectedConditions.elementToBeClickable(target));
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /**
     * Waits up to {@link #DEFAULT_TIMEOUT} for {@code condition} and returns its value; on timeout the exception says
     * which URL the browser was at and what the page showed.
     */
    public <T> T waitFor(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** Waits until the browser is at a URL that starts with {@code prefix}, e.g. after a redirect. */
    public void waitUntilUrlStartsWith(String prefix) {
        waitFor(new ExpectedCondition<Boolean>() {
            @Override
            public Boolean apply(WebDriver browser) {
                return browser.getCurrentUrl().startsWith(prefix);
            }

            @Override
            public String toString() {
                return "a URL that starts with " + prefix;
            }
        });
    }

    /**
     * Waits until the page shows {@code text} and returns the page's text: the way to read the result of a click that
     * loads another page (reading at once could see the old page, or a page half replaced).
     */
    public String waitForText(String text) {
        waitFor(new ExpectedCondition<Boolean>() {
            @Override
            public Boolean apply(WebDriver browser) {
                try {
                    return browser.findElement(By.tagName("body")).getText().contains(text);
                } catch (StaleElementReferenceException | NoSuchElementException loading) {
                    return false;
                }
            }

            @Override
            public String toString() {
                return "a page that shows \"" + text + "\"";
            }
        });
        return page();
    }

    /**
     * Signs in on Keycloak's login page, which the browser is on or is about to show. With organizations on, Keycloak
     * asks for the username first and the password on a second page; when it knows the user already it asks only for
     * the password.
     */
    public void signInOnKeycloak(String username, String password) {
        waitFor(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("username")),
                ExpectedConditions.visibilityOfElementLocated(By.id("password"))));
        if (!driver.findElements(By.id("username")).isEmpty()
                && driver.findElement(By.id("username")).isDisplayed()) {
            fill(By.id("username"), username);
            if (driver.findElements(By.id("password")).stream().noneMatch(WebElement::isDisplayed)) {
                click(By.id("kc-login"));
            }
        }
        fill(By.id("password"), password);
        click(By.id("kc-login"));
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Forgets every cookie of every host, so the next page is seen as by a new visitor. WebDriver's own
     * {@code deleteAllCookies()} clears only the current page's host, which would keep, say, the Keycloak session.
     */
    public void deleteAllCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Quits the browser and its chromedriver. */
    @Override
    public void close() {
        driver.quit();
    }

    private static Logger quiet(String name) {
        var logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private String whereItIs() {
        try {
            var text = page();
            return "at " + currentUrl() + ", showing: "
                    + (text.length() <= 500 ? text : text.substring(0, 500) + "...");
        } catch (WebDriverException e) {
            return "at " + currentUrl();
        }
    }
}
