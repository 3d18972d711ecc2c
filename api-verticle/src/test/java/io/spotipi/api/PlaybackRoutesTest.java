package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.PlayerStack;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/playback}, {@code /api/alarm/snooze} and {@code /api/sleep} against the real player and
 * the fake Spotify.
 */
class PlaybackRoutesTest extends PlayerRoutesTest {
  static final String PLAYLIST = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";

  private HttpResponse<Buffer> post(String path) {
    return api.send(api.request(HttpMethod.POST, path));
  }

  @Test
  void playThenWhatPlaysThenEveryCommand() {
    assertEquals(204, api.get("/api/playback").statusCode(), "nothing plays yet");
    JsonObject played = ok(api.json(HttpMethod.POST, "/api/playback/play",
        new JsonObject().put("uri", PLAYLIST).put("device_name", "kitchen").put("volume", 30).encode()));
    assertEquals(new JsonObject().put("device", new JsonObject().put("id", "k1").put("name", "Kitchen")), played);
    JsonObject state = ok(api.get("/api/playback"));
    assertEquals(Set.of("device", "is_playing", "shuffle", "progress_ms", "item"), state.fieldNames());
    assertEquals(new JsonObject().put("id", "k1").put("name", "Kitchen").put("volume_percent", 30),
        state.getJsonObject("device"));
    assertEquals(true, state.getBoolean("is_playing"));
    assertEquals(Set.of("uri", "name", "artists", "album", "image_url", "duration_ms"),
        state.getJsonObject("item").fieldNames());
    assertEquals(new JsonArray().add("Fake Band"), state.getJsonObject("item").getJsonArray("artists"));

    ok(post("/api/playback/pause"));
    assertFalse(player.fake.player().playing());
    ok(post("/api/playback/resume"));
    assertTrue(player.fake.player().playing());
    ok(post("/api/playback/next"));
    ok(post("/api/playback/previous"));
    assertEquals("k1", ok(api.json(HttpMethod.PUT, "/api/playback/volume", "{\"volume\":12}"))
        .getJsonObject("device").getString("id"));
    assertEquals(12, player.fake.player().volume("k1"));
  }

  @Test
  void spotifysFailuresMapToClearStatuses() {
    assertProblem(post("/api/playback/pause"), 404);
    assertTrue(assertProblem(api.json(HttpMethod.POST, "/api/playback/play",
        new JsonObject().put("uri", PLAYLIST).put("device_name", "Garage").encode()), 404).getString("detail")
        .contains("Garage"));
    player.fake.fault(Fault.status("PUT", "/v1/me/player/play", 403, "PREMIUM_REQUIRED"));
    assertProblem(api.json(HttpMethod.POST, "/api/playback/play", new JsonObject().put("uri", PLAYLIST)
        .put("device_name", "Kitchen").encode()), 403);
    player.fake.fault(Fault.tooManyRequests("PUT", "/v1/me/player/play", 3600));
    HttpResponse<Buffer> limited = api.json(HttpMethod.POST, "/api/playback/play", new JsonObject().put("uri", PLAYLIST)
        .put("device_name", "Kitchen").encode());
    assertProblem(limited, 503);
    assertEquals("3600", limited.getHeader("Retry-After"));
  }

  @Test
  void withoutCredentialsItIsAConflictThatNamesTheState() {
    player.disconnect().restartPlayer();
    JsonObject p = assertProblem(api.get("/api/playback"), 409);
    assertEquals("not_configured", p.getString("state"), p.encode());
    assertProblem(post("/api/playback/next"), 409);
  }

  @Test
  void badBodiesAreRefusedBeforeSpotifyIsAsked() {
    for (String bad : List.of("{}", "{\"uri\":\"spotify:playlist:short\"}",
        "{\"uri\":\"" + PLAYLIST + "\",\"volume\":101}",
        "{\"uri\":\"" + PLAYLIST + "\",\"shuffle\":\"yes\"}", "{\"uri\":\"" + PLAYLIST + "\",\"device_name\":\"<b>\"}",
        "{\"uri\":\"" + PLAYLIST + "\",\"offset\":3}")) {
      assertProblem(api.json(HttpMethod.POST, "/api/playback/play", bad), 422);
    }
    assertProblem(api.json(HttpMethod.POST, "/api/playback/play", "{\"uri\":"), 400);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/playback/play"), "text/plain", "x"), 415);
    for (String bad : List.of("{}", "{\"volume\":-1}", "{\"volume\":5.5}", "{\"volume\":\"5\"}")) {
      assertProblem(api.json(HttpMethod.PUT, "/api/playback/volume", bad), 422);
    }
    assertProblem(api.send(api.request(HttpMethod.DELETE, "/api/playback")), 405);
    assertEquals(0, player.fake.requests().stream().filter(r -> r.path().startsWith("/v1/me/player/")).count());
  }

  @Test
  void snoozeAndItsStatusInTheAlarmAndDismiss() {
    SnoozeHandler status = new SnoozeHandler(io.spotipi.shared.ControlsClient.create(api.vertx, 10_000));
    assertNull(Await.result(status.addTo(new JsonObject())).getValue("snooze"));
    assertProblem(post("/api/alarm/snooze"), 409);
    player.fireAlarm(player.clock.instant().toString(), new AlarmSpec("07:00", null, PLAYLIST, "Kitchen", 25, false,
        false));
    PlayerStack.await("the snooze window recorded", () -> player.playerState().alarm() != null);
    ok(api.json(HttpMethod.POST, "/api/playback/play", new JsonObject().put("uri", PLAYLIST).put("device_name",
        "Kitchen").encode()));
    JsonObject snoozed = ok(post("/api/alarm/snooze"));
    Instant until = player.clock.instant().plus(Duration.ofMinutes(9));
    assertEquals(new JsonObject().put("until", until.toString()), snoozed);
    assertFalse(player.fake.player().playing());
    assertEquals(snoozed, Await.result(status.addTo(new JsonObject())).getJsonObject("snooze"));
    assertEquals(204, api.send(api.request(HttpMethod.DELETE, "/api/alarm/snooze")).statusCode());
    assertNull(Await.result(status.addTo(new JsonObject())).getValue("snooze"));
  }

  @Test
  void aSleepTimerStartsShowsAndStops() {
    JsonObject started = ok(api.json(HttpMethod.POST, "/api/sleep", new JsonObject().put("minutes", 45)
        .put("uri", PLAYLIST).put("device_name", "Bedroom").put("volume", 18).encode()));
    String endsAt = player.clock.instant().plus(Duration.ofMinutes(45)).toString();
    assertEquals(new JsonObject().put("active", true).put("ends_at", endsAt), started);
    assertEquals(new JsonObject().put("active", true).put("ends_at", endsAt).put("uri", PLAYLIST)
        .put("device", "Bedroom"), ok(api.get("/api/sleep")));
    assertEquals(18, player.fake.player().volume("b1"));
    assertEquals(204, api.send(api.request(HttpMethod.DELETE, "/api/sleep")).statusCode());
    assertEquals(new JsonObject().put("active", false).putNull("ends_at").putNull("uri").putNull("device"),
        ok(api.get("/api/sleep")));
    PlayerStack.await("faded out and paused", () -> !player.fake.player().playing());
  }

  @Test
  void aSleepTimerWithBadFieldsIsRefused() {
    for (String bad : List.of("{\"minutes\":0}", "{\"minutes\":481}", "{\"minutes\":\"30\"}", "{\"uri\":\"night\"}",
        "{\"volume\":300}", "{\"snooze\":true}", "[]")) {
      HttpResponse<Buffer> r = api.json(HttpMethod.POST, "/api/sleep", bad);
      assertTrue(r.statusCode() == 422 || r.statusCode() == 400, bad + " → " + r.statusCode());
      assertProblem(r, r.statusCode());
    }
    assertNull(player.playerState().sleep());
  }
}
