package io.spotipi.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigKeys;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The screens built on the Spotify-backed routes (now playing, speaker and music pickers, sleep timer,
 * play now, the connect flow, the token cache) in a real Chromium against the real stack, with those
 * routes answered in the browser by {@link SpotifyRoutes} as their contract (issues 21 and 22) shapes
 * them: what the page shows for each answer, and what it sends.
 */
class WebAppSpotifyScreensTest extends BrowserTestBase {
  private static final String PICKER_ITEM = "[data-testid=music-picker] [data-uri='%s'] .music-item";

  SpotifyRoutes spotify;
  Predicate<String> expectedErrors = m -> false;

  @BeforeEach
  void connected() {
    browser.viewport(Browser.DESKTOP_WIDTH);
    stack.patchConfig(new JsonObject().put(ConfigKeys.LANGUAGE, ""));
    spotify = new SpotifyRoutes(browser.driver);
    spotify.status = SpotifyRoutes.status("connected", null);
  }

  @AfterEach
  void noConsoleErrors() {
    browser.script("localStorage.clear()");
    // the page's lazy covers must not ask for more once the routes are no longer answered here
    browser.driver.get("about:blank");
    spotify.close();
    browser.assertNoErrors(expectedErrors);
  }

  @Test
  void homeShowsWhatPlaysAndItsControlsReachThePlayer() {
    spotify.playback = SpotifyRoutes.playing("Says", "Nils Frahm", true);
    browser.open(stack.url("/"));
    browser.waitForText("playing-title", "Says", Browser.WAIT);
    assertEquals("Nils Frahm", browser.text("playing-artist"));
    assertFalse(browser.present("spotify-prompt"));

    browser.click("playback-pause");
    browser.waitFor("the pause", d -> !spotify.sentTo("POST", "/api/playback/pause").isEmpty());
    browser.setValue(browser.find("playback-volume"), "65");
    browser.waitFor("the volume", d -> !spotify.sentTo("PUT", "/api/playback/volume").isEmpty());
    assertEquals(65, spotify.sentTo("PUT", "/api/playback/volume").get(0).json().getInteger("volume"));

    spotify.playback = SpotifyRoutes.playing("Ambre", "Nils Frahm", true);
    browser.click("playback-next");
    browser.waitForText("playing-title", "Ambre", Browser.WAIT);
    assertEquals(1, spotify.sentTo("POST", "/api/playback/next").size());

    spotify.playback = null; // 204: nothing plays any more, which the next look shows
    browser.waitForTestid("playing-nothing");
  }

  @Test
  void theAlarmsSpeakerAndMusicArePickedFromSpotifyAndSaved() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.DEVICE_NAME, "Garden").put(ConfigKeys.PLAYLIST_URI, "")
        .put(ConfigKeys.PLAYLIST_NAME, ""));
    browser.open(stack.url("/alarm"));
    browser.waitFor("the speakers", d -> options("field-device-select").size() == 4);
    assertEquals(List.of("No speaker chosen", "Kitchen", "Bedroom · playing now", "Garden (not seen just now)"),
        options("field-device-select"));

    spotify.devices.add(SpotifyRoutes.device("Living room", false));
    browser.click("field-device-refresh");
    browser.waitFor("the refreshed list", d -> options("field-device-select").contains("Living room"));
    assertEquals(1, spotify.sentTo("GET", "/api/devices").stream().filter(s -> s.path().endsWith("?refresh=true")).count());
    browser.setValue(browser.find("field-device-select"), "Living room");

    browser.click("field-music-choose");
    browser.waitForTestid("music-items");
    browser.setValue(browser.find("music-filter"), "wake");
    browser.waitFor("the filtered list", d -> rows("music-items").equals(List.of("Wake Up Gently")));
    clickItem(SpotifyRoutes.uri("playlist", "p7"));
    browser.waitFor("the picker to close", d -> !browser.present("music-picker"));
    assertEquals("Wake Up Gently", browser.text("field-music-name"));

    browser.click("save");
    browser.waitFor("the save", d -> "Living room".equals(stack.config().getString(ConfigKeys.DEVICE_NAME)));
    JsonObject config = stack.config();
    assertEquals(SpotifyRoutes.uri("playlist", "p7"), config.getString(ConfigKeys.PLAYLIST_URI));
    assertEquals("Wake Up Gently", config.getString(ConfigKeys.PLAYLIST_NAME));
  }

  @Test
  void theMusicPickerPagesFiltersSearchesAndOpensAnArtistsAlbumsByKeyboardToo() {
    browser.open(stack.url("/alarm"));
    browser.click("field-music-choose");
    browser.waitFor("the first page", d -> rows("music-items").size() == 50);
    browser.driver.findElement(org.openqa.selenium.By.xpath("//button[starts-with(normalize-space(), 'Show more (50 of 60)')]")).click();
    browser.waitFor("the second page", d -> rows("music-items").size() == 60);
    clickItem(SpotifyRoutes.uri("playlist", "p42"));

    // picked lately comes first, in its own list and at the head of the tab's
    browser.click("field-music-choose");
    browser.waitFor("the picked one first", d -> rows("music-picked").equals(List.of("Playlist 42"))
        && rows("music-items").size() > 1 && rows("music-items").get(0).equals("Playlist 42"));

    // the tabs by keyboard: arrows move and select
    browser.find("music-tab-playlists").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    browser.waitFor("the artists tab", d -> "true".equals(browser.find("music-tab-artists").getAttribute("aria-selected")));
    assertEquals("music-tab-artists", browser.script("return document.activeElement.dataset.testid"));
    browser.waitFor("the artists", d -> rows("music-items").equals(List.of("Nils Frahm")));
    clickItem(SpotifyRoutes.uri("artist", "nils"));
    browser.waitFor("the artist's albums", d -> rows("music-albums").equals(List.of("Greatest Hits")));
    assertEquals(1, spotify.sentTo("GET", "/api/library/artists/" + SpotifyRoutes.uri("artist", "nils").split(":")[2] + "/albums").size());
    browser.click("music-back");

    browser.click("music-tab-search");
    browser.waitForTestid("music-query").sendKeys("n");
    browser.waitFor("the hint", d -> (Boolean) browser.script(
        "return document.querySelector('[data-testid=music-picker]').textContent.includes('at least 2 characters')"));
    browser.find("music-query").sendKeys("ils");
    browser.waitFor("the results", d -> rows("music-results").equals(List.of("Found: nils")));
    List<SpotifyRoutes.Sent> searches = spotify.sentTo("GET", "/api/library/search");
    assertEquals(1, searches.size(), "one search once typing paused: " + searches);
    assertTrue(searches.get(0).path().contains("q=nils&type=playlist"), searches.get(0).path());

    browser.find("music-tab-search").sendKeys(Keys.ESCAPE);
    browser.waitFor("the picker to close", d -> !browser.present("music-picker"));
  }

  @Test
  void theSleepTimerStartsWithTheChosenDurationCountsDownAndStops() {
    stack.patchConfig(new JsonObject().put(ConfigKeys.SLEEP_VOLUME, 25));
    browser.open(stack.url("/"));
    browser.click("sleep-open");
    browser.waitForTestid("sleep-form");
    browser.click("sleep-45");
    browser.waitFor("the speakers", d -> options("sleep-device-select").contains("Kitchen"));
    browser.setValue(browser.find("sleep-device-select"), "Kitchen");
    browser.click("sleep-start");
    browser.waitFor("the start", d -> !spotify.sentTo("POST", "/api/sleep").isEmpty());
    JsonObject started = spotify.sentTo("POST", "/api/sleep").get(0).json();
    assertEquals(45, started.getInteger("minutes"));
    assertEquals("Kitchen", started.getString("device_name"));
    assertEquals(25, started.getInteger("volume"));

    // 45 minutes from the start, counted down each second
    browser.waitFor("the countdown", d -> String.valueOf(browser.text("sleep-left")).matches("The music stops in 4[45] min.*"));
    browser.waitFor("the banner", d -> String.valueOf(browser.text("sleep-banner"))
        .matches("Sleep timer: the music stops in 4[45] min.*"));
    browser.click("sleep-open");
    browser.click("sleep-stop");
    browser.waitFor("the stop", d -> !spotify.sentTo("DELETE", "/api/sleep").isEmpty());
    browser.waitFor("no timer", d -> !browser.present("sleep-left") && !browser.present("sleep-banner"));
  }

  @Test
  void playNowPlaysTheChosenMusicOnTheSpeakerItRemembers() {
    browser.open(stack.url("/"));
    browser.click("play-open");
    browser.waitFor("the speakers", d -> options("play-device-select").contains("Kitchen"));
    browser.setValue(browser.find("play-device-select"), "Kitchen");
    browser.click("play-music-choose");
    browser.click("music-tab-tracks");
    browser.waitFor("the songs", d -> rows("music-items").equals(List.of("Says")));
    clickItem(SpotifyRoutes.uri("track", "t1"));
    browser.waitForText("play-music-name", "Says", Browser.WAIT);
    browser.click("play-start");
    browser.waitFor("the play", d -> !spotify.sentTo("POST", "/api/playback/play").isEmpty());
    assertEquals(new JsonObject().put("uri", SpotifyRoutes.uri("track", "t1")).put("shuffle", false).put("device_name", "Kitchen"),
        spotify.sentTo("POST", "/api/playback/play").get(0).json());

    browser.waitFor("the sheet to close", d -> !browser.present("play-sheet"));
    browser.click("play-open");
    browser.waitFor("the remembered speaker", d -> "Kitchen".equals(browser.find("play-device-select").getAttribute("value")));
  }

  @Test
  void spotifyIsConnectedByPastingTheAddressTheBrowserLandedOnAndDisconnectedAfterAConfirmation() {
    expectedErrors = m -> m.contains("/api/spotify/callback - Failed to load resource: the server responded with a status of 400");
    spotify.status = SpotifyRoutes.status("not_configured", null);
    browser.open(stack.url("/"));
    browser.waitForTestid("spotify-prompt");
    assertFalse(browser.present("play-card"));
    browser.driver.findElement(org.openqa.selenium.By.cssSelector("[data-testid=spotify-prompt] a")).click();
    browser.waitForTestid("connect-steps");
    assertTrue(browser.text("spotify-state").startsWith("Not connected"));
    String redirect = browser.find("connect-redirect").getAttribute("value");
    assertEquals(stack.url("/api/spotify/callback"), redirect);

    browser.find("credentials-client_id").sendKeys("my-client");
    browser.find("credentials-client_secret").sendKeys("my-secret");
    browser.click("credentials-save");
    browser.waitFor("the keys", d -> !spotify.sentTo("PUT", "/api/spotify/credentials").isEmpty());
    assertEquals(new JsonObject().put("client_id", "my-client").put("client_secret", "my-secret"),
        spotify.sentTo("PUT", "/api/spotify/credentials").get(0).json());
    browser.waitFor("the secret field emptied", d -> "".equals(browser.find("credentials-client_secret").getAttribute("value")));

    browser.click("connect-authorize");
    browser.waitForTestid("connect-open");
    assertEquals(redirect, spotify.sentTo("POST", "/api/spotify/authorize").get(0).json().getString("redirect_uri"));
    assertEquals("_blank", browser.find("connect-open").getAttribute("target"));

    paste("not an address");
    browser.waitForText("connect-problem", "That is not a web address. Copy the whole address from the address bar.", Browser.WAIT);
    paste("http://127.0.0.1:5001/api/spotify/callback?error=access_denied&state=" + SpotifyRoutes.STATE);
    browser.waitFor("the refusal", d -> browser.text("connect-problem").startsWith("Spotify says you did not agree"));
    paste("http://127.0.0.1:5001/api/spotify/callback?code=abc&state=stale");
    browser.waitForText("connect-problem", "The state does not match an authorization in progress.", Browser.WAIT);
    assertEquals(1, spotify.sentTo("POST", "/api/spotify/callback").size(), "only well-formed addresses are sent");

    String good = "http://127.0.0.1:5001/api/spotify/callback?code=abc&state=" + SpotifyRoutes.STATE;
    paste(good);
    browser.waitFor("connected", d -> browser.text("spotify-state").startsWith("Connected since"));
    assertEquals(good, spotify.sentTo("POST", "/api/spotify/callback").get(1).json().getString("url"));
    assertFalse(browser.present("connect-steps"));

    browser.click("spotify-disconnect");
    browser.click("confirm");
    browser.waitFor("disconnected", d -> browser.text("spotify-state").startsWith("Not connected"));
    assertEquals(1, spotify.sentTo("DELETE", "/api/spotify/credentials").size());
  }

  @Test
  void aSpotifyThatWantsTheUserAgainSaysSoWithItsLastError() {
    spotify.status = SpotifyRoutes.status("reauthorize", "invalid_grant: Refresh token revoked");
    browser.open(stack.url("/"));
    assertTrue(browser.waitForTestid("spotify-prompt").getText().contains("Spotify needs you again"));
    browser.open(stack.url("/settings"));
    String warning = browser.waitForTestid("spotify-state").getText();
    assertTrue(warning.contains("Spotify wants you to connect again."), warning);
    assertTrue(warning.contains("Spotify said: invalid_grant: Refresh token revoked"), warning);
    assertEquals("alert", browser.find("spotify-state").getAttribute("role"));
  }

  @Test
  void problemsFromTheRoutesReadAsWords() {
    expectedErrors = m -> m.matches(".*/api/(playback/play|devices) - Failed to load resource: the server responded with a status of (503|409).*");
    spotify.failures.put("/api/playback/play", new JsonObject().put("status", 503).put("retry_after", "30")
        .put("body", new JsonObject().put("title", "Service Unavailable").put("status", 503)
            .put("detail", "Spotify cannot be reached: connection refused")));
    browser.open(stack.url("/"));
    browser.click("play-open");
    browser.click("play-music-choose");
    browser.click("music-tab-tracks");
    browser.waitFor("the songs", d -> rows("music-items").equals(List.of("Says")));
    clickItem(SpotifyRoutes.uri("track", "t1"));
    browser.click("play-start");
    browser.waitForText("notice", "That did not work: Not available right now. Spotify cannot be reached: connection refused."
        + " Try again in 30 s.", Browser.WAIT);

    spotify.failures.put("/api/devices", new JsonObject().put("status", 409).put("body", new JsonObject()
        .put("title", "Conflict").put("status", 409).put("state", "not_configured").put("detail", "Spotify not connected")));
    browser.open(stack.url("/alarm"));
    browser.waitForTestid("field-device-input");
    String hint = (String) browser.script("return document.querySelector('[data-testid=field-device] [role=alert]').textContent");
    assertEquals("Spotify is not connected yet: connect it in Settings. Type the speaker’s name as the Spotify app shows it.",
        hint.trim());
  }

  @Test
  void theSystemViewShowsTheTokenCache() {
    browser.open(stack.url("/system"));
    browser.waitForText("token-hit-rate", "99.3 %", Browser.WAIT);
    assertEquals("connected", browser.text("token-state"));
    assertEquals("52 min", browser.text("token-valid"));
    assertEquals("3", browser.text("token-refreshes"));
    assertEquals("412", browser.text("token-requests"));
  }

  @Test
  void theNewScreensSpeakGerman() {
    stack.patchConfig(new JsonObject().put(ConfigKeys.LANGUAGE, "de"));
    spotify.playback = SpotifyRoutes.playing("Says", "Nils Frahm", false);
    browser.open(stack.url("/"));
    browser.waitFor("German", d -> "Läuft gerade".equals(browser.script(
        "return document.querySelector('#playing-h')?.textContent")));
    assertEquals("Abspielen", browser.find("playback-resume").getAttribute("aria-label"));
    assertTrue(browser.text("sleep-card").contains("Schlaf-Timer"));
    browser.click("play-open");
    browser.click("play-music-choose");
    assertEquals("Playlists Alben Songs Künstler Zuletzt gehört Top Suche", browser.script(
        "return [...document.querySelectorAll('[role=tab]')].map(t => t.textContent).join(' ')"));
  }

  @Test
  void screenshotsOfTheSpotifyScreensAtPhoneAndDesktopWidth() {
    spotify.playback = SpotifyRoutes.playing("Says", "Nils Frahm", true);
    for (int width : new int[] {Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH}) {
      browser.viewport(width);
      spotify.status = SpotifyRoutes.status("connected", null);
      browser.open(stack.url("/"));
      browser.waitForTestid("playing-title");
      browser.screenshot("spotify-home-" + width);
      browser.click("sleep-open");
      browser.waitForTestid("sleep-form");
      browser.screenshot("spotify-sleep-" + width);
      browser.click("sleep-music-choose");
      browser.waitFor("the playlists", d -> rows("music-items").size() == 50);
      browser.screenshot("spotify-music-" + width);
      browser.open(stack.url("/alarm"));
      browser.waitFor("the speakers", d -> options("field-device-select").contains("Kitchen"));
      browser.screenshot("spotify-alarm-" + width);
      browser.open(stack.url("/system"));
      browser.waitForTestid("token-hit-rate");
      browser.screenshot("spotify-system-" + width);
      spotify.status = SpotifyRoutes.status("not_configured", null);
      browser.open(stack.url("/settings"));
      browser.waitForTestid("connect-steps");
      browser.screenshot("spotify-settings-" + width);
    }
    browser.viewport(Browser.DESKTOP_WIDTH);
  }

  private void clickItem(String uri) {
    browser.driver.findElement(org.openqa.selenium.By.cssSelector(String.format(PICKER_ITEM, uri))).click();
  }

  private void paste(String address) {
    browser.setValue(browser.find("connect-pasted"), address);
    browser.click("connect-finish");
  }

  @SuppressWarnings("unchecked")
  private List<String> options(String testid) {
    return (List<String>) browser.script("return [...document.querySelectorAll(arguments[0] + ' option')]"
        + ".map(o => o.textContent.trim())", "[data-testid='" + testid + "']");
  }

  @SuppressWarnings("unchecked")
  private List<String> rows(String testid) {
    return (List<String>) browser.script("return [...document.querySelectorAll(arguments[0] + ' .music-name')]"
        + ".map(n => n.textContent.trim())", "[data-testid='" + testid + "']");
  }
}
