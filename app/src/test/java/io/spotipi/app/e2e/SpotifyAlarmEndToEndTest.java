package io.spotipi.app.e2e;

import static io.spotipi.app.e2e.SpotiPiStack.KITCHEN;
import static io.spotipi.app.e2e.SpotiPiStack.KITCHEN_ID;
import static io.spotipi.app.e2e.SpotiPiStack.PLAY;
import static io.spotipi.app.e2e.SpotiPiStack.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.alarm.AlarmPlayback;
import io.spotipi.player.fake.Recorded;
import io.spotipi.shared.testing.LogLines;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node playing its alarms on a fake Spotify: what the speaker is told at the instant, what the
 * player does ahead of it, and what {@code GET /api/alarm} tells the user afterwards, also when Spotify
 * is not connected or the speaker is missing from Spotify's list.
 */
class SpotifyAlarmEndToEndTest {
  /** A Monday in Vienna (the default alarm zone). */
  private static final Instant MONDAY_0700 = at("2026-11-30T07:00+01:00");
  private static final String PLAYLIST = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";
  private static final String DEVICES = "/v1/me/player/devices";
  private static final String TOKEN = "/api/token";

  @TempDir
  Path dataDir;
  private SpotiPiStack node;

  @AfterEach
  void stop() {
    node.close();
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  /** A one-time alarm on the kitchen speaker. */
  private void setAlarm(String time, JsonObject more) {
    JsonObject alarm = new JsonObject().put("enabled", true).put("time", time).putNull("weekdays")
        .put("timezone", "Europe/Vienna").put("device_name", KITCHEN).put("playlist_uri", PLAYLIST).mergeIn(more);
    HttpResponse<Buffer> r = node.putJson("/api/alarm", alarm);
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  /** {@code last_fired} once the occurrence has an outcome. */
  private JsonObject awaitLastFired(Instant occurrence) {
    awaitTrue("last_fired of " + occurrence, () -> {
      JsonObject last = node.alarmStatus().getJsonObject("last_fired");
      return last != null && occurrence.toString().equals(last.getString("occurrence"));
    });
    return node.alarmStatus().getJsonObject("last_fired");
  }

  /** Method, path and query, its parameters sorted: the client sends them in a map's order, which varies. */
  private static String command(Recorded r) {
    String query = r.query() == null ? ""
        : "?" + Stream.of(r.query().split("&")).sorted().collect(Collectors.joining("&"));
    return r.method() + " " + r.path() + query;
  }

  private List<Recorded> requestsSince(int index) {
    List<Recorded> all = node.fake.requests();
    return all.subList(index, all.size());
  }

  @Test
  void anAlarmPlaysOnItsSpeakerAtItsInstantAndFadesIn() {
    node = SpotiPiStack.start(dataDir, MONDAY_0700);
    setAlarm("07:02", new JsonObject().put("alarm_volume", 20).put("fade_in", true));
    Instant due = at("2026-11-30T07:02+01:00");
    node.clock.set(due.minusMillis(1));
    node.awaitClockReads(3);
    assertEquals(List.of(), node.plays(), "nothing plays before the instant");

    int before = node.fake.requests().size();
    node.clock.set(due);
    JsonObject lastFired = awaitLastFired(due);
    assertEquals("played", lastFired.getString("outcome"), lastFired.encode());
    assertEquals("played on 'Kitchen' (exact name)", lastFired.getString("detail"));
    awaitTrue("the fade to reach 20", () -> node.fake.player().volume(KITCHEN_ID) == 20);

    List<Recorded> commands = requestsSince(before).stream().filter(r -> r.method().equals("PUT")).toList();
    assertEquals(List.of("PUT /v1/me/player", "PUT /v1/me/player/volume?device_id=k1&volume_percent=0",
        "PUT /v1/me/player/play?device_id=k1", "PUT /v1/me/player/volume?device_id=k1&volume_percent=0",
        "PUT /v1/me/player/volume?device_id=k1&volume_percent=5",
        "PUT /v1/me/player/volume?device_id=k1&volume_percent=10",
        "PUT /v1/me/player/volume?device_id=k1&volume_percent=15",
        "PUT /v1/me/player/volume?device_id=k1&volume_percent=20"), commands.stream().map(r -> command(r)).toList());
    assertEquals(new JsonObject().put("device_ids", new JsonArray().add(KITCHEN_ID)).put("play", false),
        new JsonObject(commands.get(0).body()));
    assertEquals(PLAYLIST, new JsonObject(commands.get(2).body()).getString("context_uri"));
    assertTrue(node.fake.player().playing());
  }

  /** Not connected: the trigger answers 409, and a scheduled alarm fails with the reason and still switches off. */
  @Test
  void withoutSpotifyAnAlarmFailsNotConnectedAndStillSwitchesOff() {
    node = SpotiPiStack.withoutSpotify(dataDir, MONDAY_0700);
    setAlarm("07:02", new JsonObject());

    HttpResponse<Buffer> r = node.post("/api/alarm/trigger");
    assertEquals(409, r.statusCode(), r.bodyAsString());
    assertEquals("not_configured", r.bodyAsJsonObject().getString("state"));
    assertEquals("Spotify not connected", r.bodyAsJsonObject().getString("detail"));

    Instant due = at("2026-11-30T07:02+01:00");
    node.clock.set(due);
    JsonObject lastFired = awaitLastFired(due);
    assertEquals("failed", lastFired.getString("outcome"));
    assertEquals("Spotify not connected", lastFired.getString("detail"));
    awaitTrue("enabled=false", () -> Boolean.FALSE.equals(node.configValue("enabled")));
    assertEquals(List.of(), node.fake.requests(), "nothing was asked of Spotify");
  }

  /** The speaker is not in Spotify's list ahead of the alarm nor at its first look; it is at a later one. */
  @Test
  void aSpeakerThatAppearsLateIsPlayedOn() {
    node = SpotiPiStack.start(dataDir, MONDAY_0700);
    node.kitchen.listedFrom(2);
    setAlarm("07:02", new JsonObject());
    awaitTrue("the look ahead of the alarm", () -> node.fake.requests("GET", DEVICES).size() == 1);

    Instant due = at("2026-11-30T07:02+01:00");
    node.clock.set(due);
    JsonObject lastFired = awaitLastFired(due);
    assertEquals("played", lastFired.getString("outcome"), lastFired.encode());
    assertEquals("played on 'Kitchen' (exact name)", lastFired.getString("detail"));
    assertEquals(3, node.fake.requests("GET", DEVICES).size(), "ahead of it, at the instant, and once more");
    assertEquals(List.of(KITCHEN_ID), node.plays().stream().map(p -> p.param("device_id")).toList());
  }

  /**
   * The id a played alarm found is remembered in the config, and used once the speaker has dropped out
   * of Spotify's list (an idle speaker does), whose id still takes commands.
   */
  @Test
  void theLastKnownIdPlaysASpeakerMissingFromTheList() {
    node = SpotiPiStack.start(dataDir, MONDAY_0700);
    setAlarm("06:00", new JsonObject());
    assertEquals(200, node.post("/api/alarm/trigger").statusCode());
    JsonObject remembered = new JsonObject().put(KITCHEN, KITCHEN_ID);
    awaitTrue("last_known_devices", () -> remembered.equals(node.configValue("last_known_devices")));

    node.kitchen.neverListed();
    node.clock.set(MONDAY_0700.plusSeconds(60)); // the device list the player holds is stale by then
    HttpResponse<Buffer> r = node.post("/api/alarm/trigger");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("played on 'Kitchen' (last known id)", r.bodyAsJsonObject().getString("detail"));
    JsonArray listed = new JsonArray(node.get("/api/devices?refresh=true").bodyAsString());
    assertEquals(new JsonArray(), listed, "not in Spotify's list");
    assertEquals(List.of(KITCHEN_ID, KITCHEN_ID), node.plays().stream().map(p -> p.param("device_id")).toList());
  }

  /**
   * About two minutes ahead the player gets a token and finds the speaker, so that the instant asks
   * neither the accounts service nor the device list.
   */
  @Test
  void theTokenAndTheSpeakerAreReadyAheadOfTheInstant() {
    node = SpotiPiStack.start(dataDir, MONDAY_0700);
    try (LogLines player = LogLines.of(AlarmPlayback.class)) {
      setAlarm("07:05", new JsonObject());
      node.awaitClockReads(3);
      assertEquals(List.of(), node.fake.requests(), "nothing five minutes ahead");

      node.clock.set(at("2026-11-30T07:03+01:00"));
      awaitTrue("the player to get ready", () -> player.messages().stream().anyMatch(m -> m.contains(": prepared: ")));
      assertEquals(1, node.fake.requests("POST", TOKEN).size());
      assertEquals(1, node.fake.requests("GET", DEVICES).size());
      assertEquals(List.of(), node.plays());
    }
    int before = node.fake.requests().size();
    Instant due = at("2026-11-30T07:05+01:00");
    node.clock.set(due);
    assertEquals("played", awaitLastFired(due).getString("outcome"));
    List<String> atTheInstant = requestsSince(before).stream().map(r -> r.method() + " " + r.path()).toList();
    assertTrue(atTheInstant.contains("PUT " + PLAY), atTheInstant.toString());
    assertFalse(atTheInstant.contains("POST " + TOKEN), atTheInstant.toString());
    assertFalse(atTheInstant.contains("GET " + DEVICES), atTheInstant.toString());
  }
}
