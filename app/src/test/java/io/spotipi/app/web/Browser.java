package io.spotipi.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: both paths are given, so Selenium
 * Manager never looks for (or downloads) a browser. One per test class; screenshots go to
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = System.getProperty("spotipi.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("spotipi.chromedriver", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Duration POLL = Duration.ofMillis(50);
  static final int PHONE_WIDTH = 360;
  static final int PHONE_HEIGHT = 780;
  static final int DESKTOP_WIDTH = 1280;
  static final int DESKTOP_HEIGHT = 860;

  /** Elements reaching past the viewport's right edge, but for those inside a box that scrolls or clips. */
  private static final String WIDER_THAN_THE_VIEWPORT = "const w = document.documentElement.clientWidth;"
      + "const inBox = (e) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {"
      + "  if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= w + 1) return true; }"
      + "  return false; };"
      + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !inBox(e))"
      + "  .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40));";

  final ChromeDriver driver;
  private int width = DESKTOP_WIDTH;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** @param arguments more of Chromium's command line (where Spotify's images come from) */
  static Browser start(List<String> arguments) {
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-extensions", "--no-first-run", "--window-size=" + DESKTOP_WIDTH + ",900", "--lang=en-GB")
        .addArguments(arguments)
        .setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Europe/Vienna")).build();
    Browser browser = new Browser(new ChromeDriver(service, options));
    browser.viewport(DESKTOP_WIDTH);
    return browser;
  }

  /** Loads a page and waits until the app has rendered its first screen with data. */
  void open(String url) {
    driver.get(url);
    waitFor("the app's first screen", d -> (Boolean) script("return document.querySelector('main[data-testid]') != null"));
  }

  WebElement find(String testid) {
    return driver.findElement(By.cssSelector(selector(testid)));
  }

  private static String selector(String testid) {
    return "[data-testid='" + testid + "']";
  }

  /** The element's text, or {@code null} when it is not there: one round trip (a loaded box makes each slow). */
  String text(String testid) {
    return (String) script("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
        selector(testid));
  }

  /** Clicks the element once scrolled to the middle of the view, as a user would see it: clear of bars. */
  void click(String testid) {
    WebElement element = waitForTestid(testid);
    script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  boolean present(String testid) {
    return text(testid) != null;
  }

  /** The element once it is there. */
  WebElement waitForTestid(String testid) {
    waitFor(testid, d -> present(testid));
    return find(testid);
  }

  <T> T waitFor(String what, ExpectedCondition<T> condition) {
    return waitFor(what, WAIT, condition);
  }

  <T> T waitFor(String what, Duration timeout, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, timeout, POLL).withMessage(what).until(condition);
  }

  /** Waits until the element's text is {@code text}. */
  void waitForText(String testid, String text, Duration timeout) {
    waitFor(testid + " to read '" + text + "'", timeout, d -> text.equals(text(testid)));
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Sets a form control's value as typing would, with the input event the app listens to. */
  void setValue(WebElement input, String value) {
    script("const el = arguments[0];"
        + "Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, arguments[1]);"
        + "el.dispatchEvent(new Event('input', {bubbles: true}));"
        + "el.dispatchEvent(new Event('change', {bubbles: true}));", input, value);
  }

  /** A phone's viewport (360 CSS px, two device pixels each) or the desktop's (1280 px). */
  void viewport(int width) {
    this.width = width;
    metrics(width == DESKTOP_WIDTH ? DESKTOP_HEIGHT : PHONE_HEIGHT);
  }

  private void metrics(long height) {
    boolean phone = width != DESKTOP_WIDTH;
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
  }

  /**
   * The whole page as {@code target/screenshots/<name>.png}: the viewport is made as tall as the page
   * for the shot, so fixed and sticky bars sit where they would at the end of a scroll. Fails first when
   * something is wider than the viewport: a phone would scroll sideways.
   */
  Path screenshot(String name) {
    assertEquals(List.of(), script(WIDER_THAN_THE_VIEWPORT), name + ": wider than the viewport");
    long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
    metrics(Math.max(height, width == DESKTOP_WIDTH ? DESKTOP_HEIGHT : PHONE_HEIGHT));
    try {
      return viewShot(name);
    } finally {
      viewport(width);
    }
  }

  /** What the viewport shows now, as {@code target/screenshots/<name>.png}: a phone's screen, unscrolled. */
  Path viewShot(String name) {
    Object png = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png")).get("data");
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) png));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps what the page showed when a test failed: {@code target/screenshots/failed-<test>.png}. */
  static TestWatcher screenshotOnFailure(Supplier<Browser> browser) {
    return new TestWatcher() {
      @Override
      public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser.get() != null) {
          browser.get().screenshot("failed-" + context.getDisplayName().replaceAll("\\W", ""));
        }
      }
    };
  }

  /** The console's and the network's errors since the last call. */
  List<String> errors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Fails on any console error since the last call, except those {@code expected} accepts. */
  void assertNoErrors(Predicate<String> expected) {
    assertEquals(List.of(), errors().stream().filter(expected.negate()).toList(), "errors in the browser console");
  }

  @Override
  public void close() {
    driver.quit();
  }
}
