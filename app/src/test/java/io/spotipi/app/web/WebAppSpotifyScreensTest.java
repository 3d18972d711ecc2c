package io.spotipi.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeMusic;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.Recorded;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.testing.Await;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The screens built on Spotify (now playing, speaker and music pickers, sleep timer, play now, snooze,
 * the connect flow, the token cache) in a real Chromium against the real stack and the fake Spotify,
 * connected: what the page shows of Spotify, and what reaches Spotify (the fake's recorded requests).
 */
class WebAppSpotifyScreensTest extends BrowserTestBase {
  private static final String PICKER_ITEM = "[data-testid=music-picker] [data-uri='%s'] .music-item";
  private static final String WAKE_UP = FakeMusic.id("pl", 7);
  private static final JsonObject SAYS = FakeMusic.track(FakeMusic.id("tr", 901), "Says", "Nils Frahm",
      FakeMusic.album(FakeMusic.id("al", 901), "Spaces", "Nils Frahm", 10));
  private static final JsonObject MORNING = FakeMusic.track(FakeMusic.id("tr", 902), "Morning Light", "Ólafur Arnalds",
      FakeMusic.album(FakeMusic.id("al", 902), "re:member", "Ólafur Arnalds", 12));
  private static final List<String> PLAYLISTS = List.of("Morning Acoustic", "Deep Focus", "Sunday Slow",
      "Rain Sounds", "Piano Sleep", "Good Morning Jazz", "Wake Up Gently", "Coffee Table");

  Predicate<String> expectedErrors = m -> false;

  /**
   * The user's music at the fake, and the clock at the browser's time: the page counts the ringing,
   * snooze and sleep countdowns against it.
   */
  @BeforeAll
  static void music() {
    stack.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    FakeSpotify spotify = stack.spotify;
    for (int i = 1; i <= 60; i++) {
      spotify.player().library().playlist(FakeMusic.id("pl", i), i <= PLAYLISTS.size() ? PLAYLISTS.get(i - 1)
          : "Playlist " + i, 10 + i);
    }
    spotify.music().savedAlbums(12).savedTracks(3).followedArtists(3).artistWithAlbums(FakeMusic.id("ar", 1), 3)
        .played(SAYS).played(MORNING).top(MORNING).searchable(SAYS);
  }

  @BeforeEach
  void connected() {
    browser.viewport(Browser.DESKTOP_WIDTH);
    stack.patchConfig(new JsonObject().put(ConfigKeys.LANGUAGE, ""));
    if (!"connected".equals(stack.spotifyStatus().getString("state"))) {
      stack.connectSpotify();
    }
    stack.spotify.player().idle();
    stack.spotify.clearRequests();
  }

  @AfterEach
  void noConsoleErrors() {
    browser.script("localStorage.clear()");
    browser.assertNoErrors(expectedErrors);
  }

  @Test
  void playNowPlaysOnTheChosenSpeakerAndHomeShowsItWithControlsThatReachSpotify() {
    browser.open(stack.url("/"));
    browser.waitForTestid("playing-nothing");
    assertFalse(browser.present("spotify-prompt"));
    browser.click("play-open");
    browser.waitFor("the speakers", d -> options("play-device-select").contains("Kitchen"));
    browser.setValue(browser.find("play-device-select"), "Kitchen");
    browser.click("play-music-choose");
    browser.click("music-tab-recent");
    browser.waitFor("the recently played", d -> rows("music-items").equals(List.of("Says", "Morning Light")));
    clickItem(SAYS.getString("uri"));
    browser.waitForText("play-music-name", "Says", Browser.WAIT);
    browser.click("play-start");

    browser.waitForText("playing-title", "Says", Browser.WAIT);
    Recorded play = stack.spotify.requests("PUT", "/v1/me/player/play").get(0);
    assertEquals("k1", play.param("device_id"));
    assertEquals(new JsonArray().add(SAYS.getString("uri")), new JsonObject(play.body()).getJsonArray("uris"));
    assertEquals("Nils Frahm", browser.text("playing-artist"));
    assertCoversShown();
    browser.click("play-open");
    browser.waitFor("the remembered speaker", d -> "Kitchen".equals(browser.find("play-device-select").getAttribute("value")));
    browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    browser.waitFor("the sheet to close", d -> !browser.present("play-sheet"));

    browser.click("playback-pause");
    browser.waitForTestid("playback-resume");
    assertFalse(stack.spotify.player().playing());
    browser.setValue(browser.find("playback-volume"), "65");
    browser.waitFor("the volume at Spotify", d -> stack.spotify.player().volume("k1") == 65);
    browser.click("playback-next");
    browser.waitFor("next at Spotify", d -> !stack.spotify.requests("POST", "/v1/me/player/next").isEmpty());
  }

  @Test
  void theAlarmsSpeakerAndMusicArePickedFromSpotifyAndSaved() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.DEVICE_NAME, "Garden").put(ConfigKeys.PLAYLIST_URI, "")
        .put(ConfigKeys.PLAYLIST_NAME, ""));
    browser.open(stack.url("/alarm"));
    browser.waitFor("the speakers", d -> options("field-device-select").size() == 4);
    assertEquals(List.of("No speaker chosen", "Kitchen", "Bedroom", "Garden (not seen just now)"),
        options("field-device-select"));

    stack.spotify.player().device("l1", "Living room");
    int listings = stack.spotify.requests("GET", "/v1/me/player/devices").size();
    browser.click("field-device-refresh");
    browser.waitFor("the refreshed list", d -> options("field-device-select").contains("Living room"));
    assertEquals(listings + 1, stack.spotify.requests("GET", "/v1/me/player/devices").size(), "asked Spotify anew");
    browser.setValue(browser.find("field-device-select"), "Living room");

    browser.click("field-music-choose");
    browser.waitFor("the first page", d -> rows("music-items").size() == 50);
    browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'Show more (50 of 60)')]")).click();
    browser.waitFor("the second page", d -> rows("music-items").size() == 60);
    browser.setValue(browser.find("music-filter"), "wake");
    browser.waitFor("the filtered list", d -> rows("music-items").equals(List.of("Wake Up Gently")));
    assertCoversShown();
    clickItem("spotify:playlist:" + WAKE_UP);
    browser.waitFor("the picker to close", d -> !browser.present("music-picker"));
    assertEquals("Wake Up Gently", browser.text("field-music-name"));

    browser.click("save");
    browser.waitFor("the save", d -> "Living room".equals(stack.config().getString(ConfigKeys.DEVICE_NAME)));
    assertEquals("spotify:playlist:" + WAKE_UP, stack.config().getString(ConfigKeys.PLAYLIST_URI));
    assertEquals("Wake Up Gently", stack.config().getString(ConfigKeys.PLAYLIST_NAME));

    // picked lately comes first, in its own list and at the head of the tab's
    browser.click("field-music-choose");
    browser.waitFor("the picked one first", d -> rows("music-picked").equals(List.of("Wake Up Gently"))
        && rows("music-items").size() > 1 && rows("music-items").get(0).equals("Wake Up Gently"));
  }

  @Test
  void theMusicPickersTabsArtistsAlbumsAndSearchWorkByKeyboardAndThePickIsSaved() {
    browser.open(stack.url("/alarm"));
    browser.click("field-music-choose");
    browser.waitFor("the playlists", d -> !rows("music-items").isEmpty());
    browser.find("music-tab-playlists").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    browser.waitFor("the artists tab", d -> "true".equals(browser.find("music-tab-artists").getAttribute("aria-selected")));
    assertEquals("music-tab-artists", browser.script("return document.activeElement.dataset.testid"));
    browser.waitFor("the artists", d -> rows("music-items").equals(List.of("Artist 1", "Artist 2", "Artist 3")));
    clickItem("spotify:artist:" + FakeMusic.id("ar", 1));
    browser.waitFor("the artist's albums", d -> rows("music-albums").equals(List.of("Record 1", "Record 2", "Record 3")));
    assertEquals(1, stack.spotify.requests("GET", "/v1/artists/" + FakeMusic.id("ar", 1) + "/albums").size());
    browser.click("music-back");

    browser.click("music-tab-search");
    browser.waitForTestid("music-query").sendKeys("a");
    browser.waitFor("the hint", d -> (Boolean) browser.script(
        "return document.querySelector('[data-testid=music-picker]').textContent.includes('at least 2 characters')"));
    browser.driver.findElement(By.cssSelector("input[name=search-type][value=album]")).findElement(By.xpath("..")).click();
    browser.find("music-query").sendKeys("lbum 2");
    browser.waitFor("the results", d -> rows("music-results").equals(List.of("Album 2")));
    List<Recorded> searches = stack.spotify.requests("GET", "/v1/search");
    assertTrue(searches.stream().allMatch(s -> "album 2".equalsIgnoreCase(decoded(s.param("q")))
        && "album".equals(s.param("type"))), "only the query typing paused at reached Spotify: " + searches);
    clickItem("spotify:album:" + FakeMusic.id("al", 2));
    browser.waitForText("field-music-name", "Album 2", Browser.WAIT);

    browser.click("save");
    browser.waitFor("the save", d -> ("spotify:album:" + FakeMusic.id("al", 2)).equals(
        stack.config().getString(ConfigKeys.PLAYLIST_URI)));
    assertEquals("Album 2", stack.config().getString(ConfigKeys.PLAYLIST_NAME));
  }

  @Test
  void theSleepTimerPlaysOnTheChosenSpeakerCountsDownAndStops() {
    stack.patchConfig(new JsonObject().put(ConfigKeys.SLEEP_VOLUME, 25)
        .put(ConfigKeys.SLEEP_PLAYLIST_URI, "spotify:playlist:" + FakeMusic.id("pl", 5)));
    browser.open(stack.url("/"));
    browser.click("sleep-open");
    browser.waitForTestid("sleep-form");
    browser.click("sleep-45");
    browser.waitFor("the speakers", d -> options("sleep-device-select").contains("Kitchen"));
    browser.setValue(browser.find("sleep-device-select"), "Kitchen");
    browser.click("sleep-start");

    browser.waitFor("the music at Spotify", d -> stack.spotify.player().playing());
    assertEquals("spotify:playlist:" + FakeMusic.id("pl", 5), stack.spotify.player().contextUri());
    assertEquals("k1", stack.spotify.player().active());
    assertEquals(25, stack.spotify.player().volume("k1"));
    // 45 minutes from the start, counted down each second
    browser.waitFor("the countdown", d -> String.valueOf(browser.text("sleep-left")).matches("The music stops in 4[45] min.*"));
    browser.waitFor("the banner", d -> String.valueOf(browser.text("sleep-banner"))
        .matches("Sleep timer: the music stops in 4[45] min.*"));

    browser.click("sleep-open");
    browser.click("sleep-stop");
    browser.waitFor("no timer", d -> !browser.present("sleep-left") && !browser.present("sleep-banner"));
    browser.waitFor("paused at Spotify", d -> !stack.spotify.player().playing());
    assertFalse(stack.get("/api/sleep").bodyAsJsonObject().getBoolean("active"));
  }

  @Test
  void aRingingAlarmIsSnoozedAndTheSnoozeDismissedFromTheBanners() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.DEVICE_NAME, "Bedroom").put(ConfigKeys.FADE_IN, false)
        .put(ConfigKeys.PLAYLIST_URI, "spotify:playlist:" + WAKE_UP).put(ConfigKeys.PLAYLIST_NAME, "Wake Up Gently"));
    stack.patchConfig(new JsonObject().put(ConfigKeys.SNOOZE_MINUTES, 9));
    stack.send(HttpMethod.POST, "/api/alarm/trigger", null);
    assertTrue(stack.spotify.player().playing());

    browser.open(stack.url("/"));
    browser.waitForTestid("ringing-banner");
    assertTrue(browser.text("ringing-banner").startsWith("The alarm rang at"), browser.text("ringing-banner"));
    browser.click("ringing-banner-action");
    browser.waitFor("the snooze banner", d -> String.valueOf(browser.text("snooze-banner"))
        .matches("Snoozing: the alarm resumes in [89] min.*"));
    assertFalse(stack.spotify.player().playing(), "paused at Spotify");
    assertFalse(browser.present("ringing-banner"));
    browser.waitForTestid("playback-resume");
    browser.viewport(Browser.PHONE_WIDTH);
    browser.screenshot("spotify-snoozing-" + Browser.PHONE_WIDTH);

    browser.click("snooze-banner-action");
    browser.waitFor("the banner to go", d -> !browser.present("snooze-banner"));
    assertTrue(stack.get("/api/alarm").bodyAsJsonObject().getValue("snooze") == null, "dismissed: no resume");
    assertFalse(browser.present("ringing-banner"), "a dismissed alarm cannot be snoozed again");
  }

  @Test
  void spotifyIsConnectedByPastingTheAddressTheBrowserLandedOnAndDisconnectedAfterAConfirmation() {
    expectedErrors = m -> m.contains("/api/spotify/callback - Failed to load resource: the server responded with a status of 400");
    stack.disconnectSpotify();
    browser.open(stack.url("/"));
    browser.waitForTestid("spotify-prompt");
    assertFalse(browser.present("play-card"));
    browser.driver.findElement(By.cssSelector("[data-testid=spotify-prompt] a")).click();
    browser.waitForTestid("connect-steps");
    assertTrue(browser.text("spotify-state").startsWith("Not connected"));
    String redirect = browser.find("connect-redirect").getAttribute("value");
    assertEquals(stack.url("/api/spotify/callback"), redirect);

    browser.find("credentials-client_id").sendKeys(FakeAccounts.CLIENT_ID);
    browser.find("credentials-client_secret").sendKeys(FakeAccounts.CLIENT_SECRET);
    browser.click("credentials-save");
    browser.waitFor("the secret field emptied", d -> "".equals(browser.find("credentials-client_secret").getAttribute("value")));
    browser.click("connect-authorize");
    String authorize = browser.waitForTestid("connect-open").getAttribute("href");
    assertTrue(authorize.startsWith(stack.spotify.url() + "/authorize?"), authorize);
    assertEquals("_blank", browser.find("connect-open").getAttribute("target"));

    paste("not an address");
    browser.waitForText("connect-problem", "That is not a web address. Copy the whole address from the address bar.", Browser.WAIT);
    stack.spotify.accounts().denyNext();
    paste(Await.result(stack.spotify.consent(authorize)));
    browser.waitFor("the refusal", d -> browser.text("connect-problem").startsWith("Spotify says you did not agree"));
    String landed = Await.result(stack.spotify.consent(authorize));
    paste(landed.replaceAll("state=[^&]+", "state=stale"));
    browser.waitFor("the server's word on the state", d -> browser.text("connect-problem")
        .startsWith("This authorization is unknown, was used already or is older than 10 minutes"));
    assertEquals(0, codesExchanged(), "nothing exchanged for an address with another state");

    paste(landed);
    browser.waitFor("connected", d -> browser.text("spotify-state").startsWith("Connected since"));
    assertEquals("connected", stack.spotifyStatus().getString("state"));
    assertEquals(1, codesExchanged());
    assertFalse(browser.present("connect-steps"));

    browser.click("spotify-disconnect");
    browser.click("confirm");
    browser.waitFor("disconnected", d -> browser.text("spotify-state").startsWith("Not connected"));
    assertEquals("not_configured", stack.spotifyStatus().getString("state"));
  }

  @Test
  void aSpotifyThatWantsTheUserAgainSaysSoWithItsLastError() {
    stack.spotify.accounts().revokeRefreshTokens();
    stack.spotify.accounts().expireAccessTokens();
    stack.get("/api/devices?refresh=true");
    JsonObject status = stack.spotifyStatus();
    assertEquals("reauthorize", status.getString("state"));
    browser.open(stack.url("/"));
    assertTrue(browser.waitForTestid("spotify-prompt").getText().contains("Spotify needs you again"));
    browser.open(stack.url("/settings"));
    String warning = browser.waitForTestid("spotify-state").getText();
    assertTrue(warning.contains("Spotify wants you to connect again."), warning);
    assertTrue(warning.contains("Spotify said: " + status.getString("last_error")), warning);
    assertEquals("alert", browser.find("spotify-state").getAttribute("role"));
  }

  @Test
  void spotifysRefusalReadsAsWordsWithWhenToTryAgain() {
    expectedErrors = m -> m.matches(".*/api/playback/play - Failed to load resource: the server responded with a status of 503.*");
    stack.spotify.fault(Fault.tooManyRequests("PUT", "/v1/me/player/play", 3600));
    browser.open(stack.url("/"));
    browser.click("play-open");
    browser.waitFor("the speakers", d -> options("play-device-select").contains("Kitchen"));
    browser.setValue(browser.find("play-device-select"), "Kitchen");
    browser.click("play-music-choose");
    browser.click("music-tab-top");
    browser.waitFor("the top tracks", d -> rows("music-items").equals(List.of("Morning Light")));
    clickItem(MORNING.getString("uri"));
    browser.click("play-start");
    browser.waitFor("the notice", d -> String.valueOf(browser.text("notice")).startsWith("That did not work: Not available right now."));
    assertTrue(browser.text("notice").endsWith("Try again in 1 h."), browser.text("notice"));
    assertTrue(browser.present("play-sheet"), "the sheet stays for another try");
  }

  @Test
  void theSystemViewShowsTheTokenCache() {
    browser.open(stack.url("/system"));
    browser.waitFor("the token cache", d -> String.valueOf(browser.text("token-hit-rate")).matches("\\d+(\\.\\d)? %"));
    JsonObject token = stack.spotifyStatus().getJsonObject("token");
    assertEquals("connected", browser.text("token-state"));
    assertEquals(String.valueOf(token.getLong("refreshes_total")), browser.text("token-refreshes"));
    assertTrue(browser.text("token-valid").matches("\\d+ (h|min)( \\d+ min)?"), browser.text("token-valid"));
  }

  @Test
  void theSpotifyScreensSpeakGerman() {
    stack.patchConfig(new JsonObject().put(ConfigKeys.LANGUAGE, "de"));
    stack.send(HttpMethod.POST, "/api/playback/play", new JsonObject().put("uri", SAYS.getString("uri"))
        .put("device_name", "Bedroom"));
    stack.send(HttpMethod.POST, "/api/playback/pause", null);
    browser.open(stack.url("/"));
    browser.waitFor("German", d -> "Läuft gerade".equals(browser.script(
        "return document.querySelector('#playing-h')?.textContent")));
    browser.waitFor("paused", d -> "Abspielen".equals(browser.find("playback-resume").getAttribute("aria-label")));
    assertTrue(browser.waitForTestid("sleep-card").getText().contains("Schlaf-Timer"));
    browser.click("play-open");
    browser.click("play-music-choose");
    assertEquals("Playlists Alben Songs Künstler Zuletzt gehört Top Suche", browser.script(
        "return [...document.querySelectorAll('[role=tab]')].map(t => t.textContent).join(' ')"));
  }

  @Test
  void screenshotsOfTheSpotifyScreensAtPhoneAndDesktopWidth() {
    stack.putAlarm(new JsonObject().put(ConfigKeys.ENABLED, true).put(ConfigKeys.TIME, "06:30")
        .put(ConfigKeys.WEEKDAYS, new JsonArray(List.of(0, 1, 2, 3, 4))).put(ConfigKeys.DEVICE_NAME, "Bedroom")
        .put(ConfigKeys.PLAYLIST_URI, "spotify:playlist:" + WAKE_UP).put(ConfigKeys.PLAYLIST_NAME, "Wake Up Gently"));
    stack.send(HttpMethod.POST, "/api/playback/play", new JsonObject().put("uri", MORNING.getString("uri"))
        .put("device_name", "Bedroom"));
    for (int width : new int[] {Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH}) {
      browser.viewport(width);
      browser.open(stack.url("/"));
      browser.waitForTestid("playing-title");
      browser.waitForTestid("sleep-card");
      shot("spotify-home-" + width);
      browser.viewShot("spotify-home-" + width + "-screen");
      browser.click("sleep-open");
      browser.waitFor("the speakers", d -> options("sleep-device-select").contains("Kitchen"));
      shot("spotify-sleep-" + width);
      browser.click("sleep-music-choose");
      browser.waitFor("the playlists", d -> rows("music-items").size() == 50);
      shot("spotify-music-" + width);
      browser.open(stack.url("/alarm"));
      browser.waitFor("the speakers", d -> options("field-device-select").contains("Kitchen"));
      shot("spotify-alarm-" + width);
      browser.open(stack.url("/system"));
      browser.waitForTestid("token-hit-rate");
      shot("spotify-system-" + width);
      browser.open(stack.url("/settings"));
      browser.waitForTestid("spotify-disconnect");
      shot("spotify-settings-" + width);
    }
  }

  /** A screenshot once the covers in view have loaded. */
  private void shot(String name) {
    browser.waitFor("the covers", d -> (Boolean) browser.script(
        "return [...document.querySelectorAll('img.cover')].every(i => i.loading === 'lazy' && !i.complete || i.naturalWidth > 0)"));
    browser.screenshot(name);
  }

  /** Every cover in the page came from Spotify's image hosts and shows. */
  private void assertCoversShown() {
    browser.waitFor("covers from Spotify's image hosts", d -> (Boolean) browser.script(
        "const covers = [...document.querySelectorAll('img.cover')].filter(i => i.getBoundingClientRect().height > 0"
            + " && i.getBoundingClientRect().top < innerHeight);"
            + "return covers.length > 0 && covers.every(i => i.complete && i.naturalWidth > 0"
            + " && /^https:\\/\\/[a-z-]+\\.(scdn\\.co|spotifycdn\\.com)\\//.test(i.src))"));
  }

  private void clickItem(String uri) {
    browser.driver.findElement(By.cssSelector(String.format(PICKER_ITEM, uri))).click();
  }

  private void paste(String address) {
    browser.setValue(browser.find("connect-pasted"), address);
    browser.click("connect-finish");
  }

  private static long codesExchanged() {
    return stack.spotify.requests("POST", "/api/token").stream()
        .filter(r -> r.body().contains("grant_type=authorization_code")).count();
  }

  private static String decoded(String param) {
    return param == null ? null : URLDecoder.decode(param, StandardCharsets.UTF_8);
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
