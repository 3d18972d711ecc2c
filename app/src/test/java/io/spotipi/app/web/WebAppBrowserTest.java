package io.spotipi.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web app in a real Chromium against the real stack, Spotify not connected (speaker and music are
 * typed): what the page shows, what it saves, how it follows changes made elsewhere, conflicts,
 * languages, backups, and going offline and back.
 */
class WebAppBrowserTest extends BrowserTestBase {
  /** How soon a change made elsewhere must show on an open page. */
  static final Duration LIVE = Duration.ofSeconds(2);
  /** What a test expects in the console (the 412 of a conflict, the stream while offline). */
  Predicate<String> expectedErrors = m -> false;

  @BeforeEach
  void defaults() {
    stack.patchConfig(new JsonObject().put(ConfigKeys.LANGUAGE, "").put(ConfigKeys.TIMEZONE, "Europe/Vienna"));
  }

  @AfterEach
  void noConsoleErrors() {
    browser.assertNoErrors(expectedErrors);
  }

  @Test
  void theHomeScreenShowsTheAlarmAndFollowsAChangeMadeElsewhere() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, true).put(ConfigKeys.TIME, "07:30")
        .put(ConfigKeys.WEEKDAYS, new JsonArray(List.of(0, 1, 2, 3, 4))).put(ConfigKeys.ALARM_VOLUME, 40)
        .put(ConfigKeys.DEVICE_NAME, "Kitchen").put(ConfigKeys.PLAYLIST_NAME, "Morning Mix"));
    browser.open(stack.url("/"));
    browser.waitForText("card-time", "07:30", Browser.WAIT);
    assertEquals("Mon–Fri", browser.text("card-repeat"));
    assertEquals("Kitchen", browser.text("card-device"));
    assertEquals("40 %", browser.text("card-volume"));
    assertEquals("Morning Mix", browser.text("card-music"));
    // the scheduler's clock says 06:00 in Vienna on a Monday: 1 h 30 min to go
    browser.waitFor("the countdown", d -> browser.text("countdown").startsWith("in 1 h"));
    assertTrue(browser.text("next-alarm").contains("Monday"), browser.text("next-alarm"));
    assertEquals("Live", browser.text("status-pill"));

    stack.putAlarm(new JsonObject().put(ConfigKeys.TIME, "08:15"));
    browser.waitForText("card-time", "08:15", LIVE);
    browser.waitFor("the countdown to follow", LIVE, d -> browser.text("countdown").startsWith("in 2 h"));
  }

  @Test
  void anAlarmSetThroughThePageLandsInTheStore() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, false).put(ConfigKeys.FADE_IN, false)
        .put(ConfigKeys.WEEKDAYS, new JsonArray(List.of(0))).put(ConfigKeys.DEVICE_NAME, "")
        .put(ConfigKeys.PLAYLIST_URI, "").put(ConfigKeys.PLAYLIST_NAME, ""));
    browser.open(stack.url("/alarm"));
    WebElement enabled = browser.waitForTestid("field-enabled");
    // by keyboard: the switch takes the focus and Space flips it
    enabled.sendKeys(Keys.SPACE);
    browser.setValue(browser.find("field-time"), "06:45");
    browser.driver.findElement(By.xpath("//button[normalize-space()='Once']")).click();
    clickLabelOf("day-5");
    clickLabelOf("day-6");
    browser.setValue(browser.find("field-alarm_volume"), "35");
    clickLabelOf("field-fade_in");
    assertEquals("Spotify is not connected yet: connect it in Settings. Type the speaker’s name as the Spotify app shows it.",
        browser.script("return document.getElementById('device_name-hint').textContent"));
    browser.find("field-device_name").sendKeys("Bedroom");
    browser.find("field-music-uri").sendKeys("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
    browser.find("field-music-name").sendKeys("Wake Up");
    browser.find("save").click();
    browser.waitFor("the save", d -> "06:45".equals(stack.config().getString(ConfigKeys.TIME)));

    JsonObject config = stack.config();
    assertEquals(true, config.getBoolean(ConfigKeys.ENABLED));
    assertEquals("06:45", config.getString(ConfigKeys.TIME));
    assertEquals(new JsonArray(List.of(5, 6)), config.getJsonArray(ConfigKeys.WEEKDAYS));
    assertEquals(35, config.getInteger(ConfigKeys.ALARM_VOLUME));
    assertEquals(true, config.getBoolean(ConfigKeys.FADE_IN));
    assertEquals("Bedroom", config.getString(ConfigKeys.DEVICE_NAME));
    assertEquals("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", config.getString(ConfigKeys.PLAYLIST_URI));
    assertEquals("Wake Up", config.getString(ConfigKeys.PLAYLIST_NAME));
    browser.waitFor("nothing left to save", d -> !browser.find("save").isEnabled());
  }

  @Test
  void aConflictingEditShowsTheCurrentValuesAndCanBeAppliedToThem() {
    expectedErrors = m -> m.contains("/api/alarm - Failed to load resource: the server responded with a status of 412");
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, true).put(ConfigKeys.TIME, "07:00").put(ConfigKeys.ALARM_VOLUME, 20));
    browser.open(stack.url("/alarm"));
    browser.waitFor("the stored time", d -> "07:00".equals(browser.find("field-time").getAttribute("value")));
    browser.setValue(browser.find("field-alarm_volume"), "60");

    stack.putAlarm(new JsonObject().put(ConfigKeys.TIME, "05:30"));
    browser.waitForTestid("changed-elsewhere");
    browser.find("save").click();
    WebElement conflict = browser.waitForTestid("conflict");
    assertTrue(conflict.getText().contains("Someone else saved the alarm"), conflict.getText());
    assertEquals(List.of("05:30", "07:00"), cells("conflict-time"));
    assertEquals(List.of("20", "60"), cells("conflict-alarm_volume"));
    JsonObject untouched = stack.config();
    assertEquals("05:30", untouched.getString(ConfigKeys.TIME), "theirs was not overwritten");
    assertEquals(20, untouched.getInteger(ConfigKeys.ALARM_VOLUME));

    browser.find("conflict-apply").click();
    browser.waitFor("the applied change", d -> stack.config().getInteger(ConfigKeys.ALARM_VOLUME) == 60);
    JsonObject merged = stack.config();
    assertEquals("05:30", merged.getString(ConfigKeys.TIME), "their time stays");
    assertEquals(60, merged.getInteger(ConfigKeys.ALARM_VOLUME), "my volume is applied to it");
    assertFalse(browser.present("conflict"));
  }

  @Test
  void germanAndEnglishRenderFromTheConfigsLanguage() {
    browser.open(stack.url("/settings"));
    assertEquals(List.of("Home", "Alarm", "System", "Settings"), navTexts());

    stack.patchConfig(new JsonObject().put(ConfigKeys.LANGUAGE, "de"));
    browser.waitFor("German", LIVE, d -> navTexts().equals(List.of("Start", "Wecker", "System", "Einstellungen")));
    assertEquals("de", browser.script("return document.documentElement.lang"));
    assertEquals("Einstellungen", browser.script("return document.querySelector('main h1').textContent"));

    // and back through the page's own language setting
    browser.setValue(browser.find("language"), "en");
    browser.waitFor("English", d -> navTexts().equals(List.of("Home", "Alarm", "System", "Settings")));
    assertEquals("en", stack.config().getString(ConfigKeys.LANGUAGE));
  }

  @Test
  void everyTextExistsInEnglishAndGerman() {
    browser.open(stack.url("/"));
    @SuppressWarnings("unchecked")
    List<List<String>> keys = (List<List<String>>) browser.driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import(document.querySelector('script[type=module]').src.replace('main.js', 'lib/messages.js'))"
            + ".then(m => done([Object.keys(m.messages.en).sort(), Object.keys(m.messages.de).sort()]));");
    assertTrue(keys.get(0).size() > 100, "the English texts: " + keys.get(0).size());
    assertEquals(keys.get(0), keys.get(1));
  }

  @Test
  void backupsAreCreatedAndRestoredOnlyAfterAConfirmation() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.ALARM_VOLUME, 11));
    browser.open(stack.url("/system"));
    browser.waitForTestid("backup-create").click();
    long revision = Long.parseLong(browser.waitFor("the backup's row", d -> {
      String text = browser.text("notice");
      return text.startsWith("Backup of revision") ? text.replaceAll("\\D+", "") : null;
    }));
    WebElement row = browser.waitForTestid("backup-" + revision);
    stack.putAlarm(new JsonObject().put(ConfigKeys.ALARM_VOLUME, 77));

    row.findElement(By.tagName("button")).click();
    WebElement dialog = browser.waitForTestid("confirm-dialog");
    assertTrue(dialog.getText().contains("revision " + revision), dialog.getText());
    dialog.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();
    browser.waitFor("the dialog to close", d -> !browser.present("confirm-dialog"));
    assertEquals(77, stack.config().getInteger(ConfigKeys.ALARM_VOLUME), "cancelled: nothing restored");

    browser.waitForTestid("backup-" + revision).findElement(By.tagName("button")).click();
    browser.waitForTestid("confirm").click();
    browser.waitFor("the restore", d -> browser.text("notice").startsWith("Revision " + revision + " restored"));
    assertEquals(11, stack.config().getInteger(ConfigKeys.ALARM_VOLUME));
  }

  @Test
  void theSystemViewShowsTheStore() {
    Await.result(stack.vertx.eventBus().request(Addresses.BACKUP_CREATE, new JsonObject()));
    stack.patchConfig(new JsonObject().put(ConfigKeys.ALARM_VOLUME, 23));
    browser.open(stack.url("/system"));
    // the scheduler commits too (its planned occurrence): compare with the store as it is at each look
    browser.waitFor("the store's revision", d -> Long.toString(revision()).equals(browser.text("fig-revision")));
    assertTrue(browser.text("health").startsWith("Healthy"));
    browser.waitFor("the newest commit in the history", d -> (Boolean) browser.script(
        "return document.querySelector('[data-testid=history] li')?.dataset.revision == arguments[0]", revision()));
    browser.waitForTestid("backups");
    browser.waitFor("samples in the latency chart", d -> (Boolean) browser.script(
        "return (document.querySelector('[data-testid=chart-latency] polyline')?.points.numberOfItems ?? 0) >= 2"));
    assertFalse((Boolean) browser.script("return document.querySelector('main').textContent.includes('Loading…')"));
  }

  @Test
  void aOneTimeAlarmWhoseTimeHasPassedTodayIsFlagged() {
    // a zone where it is about noon now, so 00:30 has passed today and 23:30 has not, whenever this runs
    int offset = Math.floorMod(12 - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 11, 24) - 11;
    String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, true).put(ConfigKeys.TIME, "00:30")
        .putNull(ConfigKeys.WEEKDAYS).put(ConfigKeys.TIMEZONE, zone));
    browser.open(stack.url("/alarm"));
    WebElement warning = browser.waitForTestid("passed-warning");
    assertTrue(warning.getText().contains("00:30 has already passed today"), warning.getText());

    browser.setValue(browser.find("field-time"), "23:30");
    browser.waitFor("the warning to go", d -> !browser.present("passed-warning"));
  }

  @Test
  void thePageShowsItIsOfflineWhileTheServerIsDownAndCatchesUpAfter() {
    expectedErrors = m -> m.contains("/api/config/events");
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, true).put(ConfigKeys.TIME, "06:10"));
    browser.open(stack.url("/"));
    browser.waitForText("card-time", "06:10", Browser.WAIT);

    stack.stopApi();
    browser.waitForTestid("offline-banner");
    assertEquals("Offline", browser.text("status-pill"));
    // meanwhile another node changes the alarm: no event can reach this page
    Await.result(stack.vertx.eventBus().request(Addresses.CONFIG_COMMIT, CommitRequest.patch(null,
        new JsonObject().put(ConfigKeys.TIME, "06:20"), "another node")));

    stack.startApi();
    browser.waitFor("the banner to go", d -> !browser.present("offline-banner"));
    browser.waitForText("card-time", "06:20", Browser.WAIT);
    assertEquals("Live", browser.text("status-pill"));
  }

  @Test
  void aPageLeftForAnotherHoldsNoEventStreamAndFollowsAgainWhenBrowsedBackTo() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, true).put(ConfigKeys.TIME, "06:05"));
    // more visits than Chromium's six connections per host: each left page sits in the back/forward cache
    for (String page : List.of("/", "/alarm", "/system", "/settings", "/alarm", "/system", "/")) {
      browser.open(stack.url(page));
    }
    browser.waitFor("one event stream", d -> watchers() == 1);
    browser.waitForText("card-time", "06:05", Browser.WAIT);

    browser.script("window.spotipiLeft = true");
    browser.open(stack.url("/settings"));
    browser.driver.navigate().back();
    browser.waitForTestid("card-time");
    assertEquals(true, browser.script("return window.spotipiLeft === true"), "restored from the back/forward cache");
    stack.putAlarm(new JsonObject().put(ConfigKeys.TIME, "06:25"));
    browser.waitForText("card-time", "06:25", LIVE);
    assertEquals(1, watchers());
  }

  @Test
  void screenshotsOfEveryScreenAtPhoneAndDesktopWidth() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, true).put(ConfigKeys.TIME, "06:30")
        .put(ConfigKeys.WEEKDAYS, new JsonArray(List.of(0, 1, 2, 3, 4))).put(ConfigKeys.ALARM_VOLUME, 35)
        .put(ConfigKeys.DEVICE_NAME, "Bedroom speaker").put(ConfigKeys.PLAYLIST_NAME, "Morning Acoustic")
        .put(ConfigKeys.PLAYLIST_URI, "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M"));
    Await.result(stack.vertx.eventBus().request(Addresses.BACKUP_CREATE, new JsonObject()));
    for (int width : new int[] {Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH}) {
      browser.viewport(width);
      browser.open(stack.url("/"));
      for (String page : List.of("/", "/alarm", "/system", "/settings")) {
        navigate(page);
        browser.waitFor("the screen's data", d -> "Live".equals(browser.text("status-pill"))
            && (Boolean) browser.script("return !document.querySelector('main').textContent.includes('Loading…')"));
        if (page.equals("/system")) {
          // some commits to chart, and samples of them
          for (int i = 0; i < 3; i++) {
            stack.patchConfig(new JsonObject().put(ConfigKeys.ALARM_VOLUME, 30 + i));
          }
          browser.waitFor("samples in the rate chart", d -> (Boolean) browser.script(
              "return (document.querySelector('[data-testid=chart-rate] polyline')?.points.numberOfItems ?? 0) >= 2"));
        }
        String name = (page.equals("/") ? "home" : page.substring(1)) + "-" + width;
        assertTrue(browser.screenshot(name).toFile().length() > 10_000, name);
      }
    }
    browser.viewport(Browser.DESKTOP_WIDTH);
  }

  /** Goes to a screen the way a user does: through the navigation. */
  private void navigate(String path) {
    browser.driver.findElement(By.cssSelector("nav.tabs a[href='" + path + "']")).click();
    browser.waitFor("screen " + path, d -> browser.present("screen-" + path));
  }

  private void clickLabelOf(String testid) {
    browser.find(testid).findElement(By.xpath("./ancestor::label")).click();
  }

  @SuppressWarnings("unchecked")
  private List<String> cells(String rowTestid) {
    return (List<String>) browser.script("return [...document.querySelectorAll(arguments[0] + ' td')]"
        + ".map(td => td.textContent.trim())", "[data-testid='" + rowTestid + "']");
  }

  @SuppressWarnings("unchecked")
  private List<String> navTexts() {
    return (List<String>) browser.script("return [...document.querySelectorAll('nav.tabs a')].map(a => a.textContent.trim())");
  }

  private static int watchers() {
    return stack.get("/api/thread-safety/status").bodyAsJsonObject().getInteger("change_listeners_count");
  }

  private static long revision() {
    return Long.parseLong(stack.get("/api/config").getHeader("ETag").replace("\"", ""));
  }
}
