package io.spotipi.app.e2e;

import io.spotipi.shared.testing.Await;
import static io.spotipi.app.e2e.SpotiPiStack.KITCHEN;
import static io.spotipi.app.e2e.SpotiPiStack.KITCHEN_ID;
import static io.spotipi.app.e2e.SpotiPiStack.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.Recorded;
import io.spotipi.shared.SchedulerState;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarm routes of the HTTP API against the real scheduler, config owner and player in one Vert.x,
 * the player connected to a fake Spotify: what a front end sees, from the form post to the play request.
 */
class AlarmEndToEndTest {
  /** A Monday in Vienna (the default alarm zone), far from any DST change. */
  private static final Instant MONDAY_0700 = at("2026-11-30T07:00+01:00");
  private static final Set<String> STATUS_FIELDS =
      Set.of("enabled", "time", "weekdays", "timezone", "next_fire", "next_fire_in_seconds", "last_fired", "snooze");
  private static final String PLAYLIST = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";

  private SpotiPiStack node;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    node = SpotiPiStack.start(dataDir, MONDAY_0700);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static JsonObject alarm(String time, JsonArray weekdays) {
    return new JsonObject().put("enabled", true).put("time", time).put("weekdays", weekdays)
        .put("timezone", "Europe/Vienna");
  }

  private JsonObject put(JsonObject alarm) {
    HttpResponse<Buffer> r = node.putJson("/api/alarm", alarm);
    assertEquals(200, r.statusCode(), () -> "PUT /api/alarm: " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  // ---- GET and PUT /api/alarm --------------------------------------------------------------------

  @Test
  void theStatusOfTheDefaultAlarmHasEveryFieldAndNoNextFire() {
    JsonObject status = node.alarmStatus();
    assertEquals(STATUS_FIELDS, status.fieldNames(), status.encode());
    assertEquals(false, status.getBoolean("enabled"));
    assertEquals("07:00", status.getString("time"));
    assertEquals("Europe/Vienna", status.getString("timezone"));
    assertNull(status.getValue("weekdays"));
    assertNull(status.getValue("next_fire"));
    assertNull(status.getValue("next_fire_in_seconds"));
    assertNull(status.getValue("last_fired"));
  }

  @Test
  void putMergesTheAlarmFieldsAndAnswersWithTheNewStatus() {
    put(new JsonObject().put("alarm_volume", 33).put("device_name", "Kitchen"));

    HttpResponse<Buffer> r = node.putJson("/api/alarm", alarm("7:30", new JsonArray(List.of(0, 1, 2, 3, 4))));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertNotNull(r.getHeader("ETag"));
    JsonObject status = r.bodyAsJsonObject();
    assertEquals(STATUS_FIELDS, status.fieldNames());
    assertEquals(true, status.getBoolean("enabled"));
    assertEquals("07:30", status.getString("time"));
    assertEquals(new JsonArray(List.of(0, 1, 2, 3, 4)), status.getJsonArray("weekdays"));
    assertEquals("2026-11-30T07:30:00+01:00", status.getString("next_fire"));
    assertEquals(Duration.ofMinutes(30).toSeconds(), status.getLong("next_fire_in_seconds"));
    assertNull(status.getValue("last_fired"));

    assertEquals(33, node.configValue("alarm_volume"), "a field the PUT left out keeps its value");
    assertEquals("Kitchen", node.configValue("device_name"));
    assertEquals(status, node.alarmStatus());
  }

  @Test
  void concurrentPutsOfDifferentFieldsAreAllMerged() {
    List<JsonObject> patches = List.of(new JsonObject().put("alarm_volume", 41),
        new JsonObject().put("device_name", "Hall"), new JsonObject().put("shuffle", true),
        new JsonObject().put("fade_in", true), new JsonObject().put("time", "06:15"),
        new JsonObject().put("playlist_uri", PLAYLIST));
    List<HttpResponse<Buffer>> replies = Await.result(Future.all(
        patches.stream().map(p -> node.putJsonAsync("/api/alarm", p)).toList())).list();
    replies.forEach(r -> assertEquals(200, r.statusCode(), r.bodyAsString()));

    for (JsonObject patch : patches) {
      String key = patch.fieldNames().iterator().next();
      assertEquals(patch.getValue(key), node.configValue(key), key);
    }
  }

  @Test
  void aBadTimeIsRejectedWithItsFieldAndNothingChanges() {
    JsonObject before = node.alarmStatus();
    String etag = node.get("/api/config").getHeader("ETag");

    HttpResponse<Buffer> r = node.putJson("/api/alarm", new JsonObject().put("time", "25:00").put("alarm_volume", 55));
    assertEquals(422, r.statusCode(), r.bodyAsString());
    assertEquals("application/problem+json", r.getHeader("Content-Type"));
    JsonArray errors = r.bodyAsJsonObject().getJsonArray("errors");
    assertTrue(errors.stream().map(e -> ((JsonObject) e).getString("field")).anyMatch("time"::equals), errors.encode());

    assertEquals(etag, node.get("/api/config").getHeader("ETag"), "no commit");
    assertEquals(20, node.configValue("alarm_volume"), "the valid half of the PUT was not applied either");
    assertEquals(before, node.alarmStatus());
  }

  /**
   * With every change event lost, the scheduler's near cache keeps the revision it last saw: the PUT
   * must still answer with a status that includes its own write (it asks for that revision).
   */
  @Test
  void theStatusAPutAnswersNeverPredatesItsWrite() {
    node.alarmStatus();
    node.dropChangeEvents(true);
    for (String time : List.of("06:10", "06:20", "06:30", "06:40")) {
      JsonObject status = put(alarm(time, new JsonArray(List.of(0, 1, 2, 3, 4, 5, 6))));
      assertEquals(time, status.getString("time"));
      assertEquals("2026-12-01T" + time + ":00+01:00", status.getString("next_fire"));
    }
  }

  // ---- POST /api/alarm/trigger -------------------------------------------------------------------

  @Test
  void aTriggerPlaysNowAndLeavesAOneTimeAlarmEnabled() {
    put(alarm("06:00", null).put("alarm_volume", 42).put("device_name", KITCHEN).put("playlist_uri", PLAYLIST));

    HttpResponse<Buffer> r = node.post("/api/alarm/trigger");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    String occurrence = r.bodyAsJsonObject().getString("occurrence");
    assertTrue(occurrence.startsWith("manual-"), occurrence);
    assertEquals(new JsonObject().put("occurrence", occurrence).put("fired_at", MONDAY_0700.toString())
        .put("outcome", "played").put("device", KITCHEN).put("detail", "played on 'Kitchen' (exact name)"),
        r.bodyAsJsonObject());

    List<Recorded> plays = node.plays();
    assertEquals(1, plays.size());
    assertEquals(KITCHEN_ID, plays.get(0).param("device_id"));
    assertEquals(PLAYLIST, new JsonObject(plays.get(0).body()).getString("context_uri"));
    assertEquals(42, node.fake.player().volume(KITCHEN_ID));
    awaitTrue("the fired event", () -> !node.fired.isEmpty());
    assertEquals(occurrence, node.fired.get(0).getString("occurrence"));

    assertEquals(true, node.configValue("enabled"));
    JsonObject status = node.alarmStatus();
    assertEquals(true, status.getBoolean("enabled"));
    assertEquals("2026-12-01T06:00:00+01:00", status.getString("next_fire"));
    assertEquals(occurrence, status.getJsonObject("last_fired").getString("occurrence"));
    assertEquals("played", status.getJsonObject("last_fired").getString("outcome"));
    assertEquals("played on 'Kitchen' (exact name)", status.getJsonObject("last_fired").getString("detail"));
  }

  // ---- POST /save_alarm --------------------------------------------------------------------------

  @Test
  void theFormReplacesEveryAlarmFieldAndTheSchedulerReplans() {
    put(alarm("05:00", null).put("enabled", false).put("fade_in", true).put("shuffle", true)
        .put("device_name", "Bedroom").put("playlist_uri", PLAYLIST).put("alarm_volume", 80));

    HttpResponse<Buffer> r = node.postForm("/save_alarm", MultiMap.caseInsensitiveMultiMap()
        .add("time", "6:45").add("alarm_volume", "35").add("enabled", "yes").add("weekdays", "[1,2]")
        .add("device_name", "Kitchen").add("fade_in", "1").add("shuffle", "off").add("snooze_enabled", "0"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(true, r.bodyAsJsonObject().getBoolean("success"));

    assertEquals("6:45", node.configValue("time"));
    assertEquals(35, node.configValue("alarm_volume"));
    assertEquals(true, node.configValue("enabled"));
    assertEquals(new JsonArray(List.of(1, 2)), node.configValue("weekdays"));
    assertEquals("Kitchen", node.configValue("device_name"));
    assertEquals("", node.configValue("playlist_uri"), "a field the form left out is replaced too");
    assertEquals(true, node.configValue("fade_in"));
    assertEquals(false, node.configValue("shuffle"));
    assertEquals(false, node.configValue("snooze_enabled"));
    awaitNextFire("2026-12-01T06:45:00+01:00");

    assertEquals(200, node.postForm("/save_alarm", MultiMap.caseInsensitiveMultiMap()
        .add("time", "07:05").add("alarm_volume", "36").add("enabled", "true").add("weekdays", "[0]")
        .add("fade_in", "no").add("shuffle", "on").add("snooze_enabled", "false")).statusCode());
    assertEquals(false, node.configValue("fade_in"));
    assertEquals(true, node.configValue("shuffle"));
    assertEquals(false, node.configValue("snooze_enabled"));
    assertEquals("", node.configValue("device_name"));
    awaitNextFire("2026-11-30T07:05:00+01:00");
  }

  /** The form's answer carries no status: the scheduler re-plans when the change event reaches it. */
  private void awaitNextFire(String expected) {
    awaitTrue("next_fire " + expected, () -> expected.equals(node.alarmStatus().getString("next_fire")));
  }

  // ---- firing through the pipeline ---------------------------------------------------------------

  @Test
  void aOneTimeAlarmFiresWhenTheClockGetsThereAndThenDisablesItself() {
    JsonObject status = put(alarm("07:02", null).put("device_name", KITCHEN));
    Instant due = at("2026-11-30T07:02+01:00");
    assertEquals("2026-11-30T07:02:00+01:00", status.getString("next_fire"));
    assertEquals(120, status.getLong("next_fire_in_seconds"));

    node.clock.set(due.minusMillis(1));
    node.awaitClockReads(3);
    assertEquals(List.of(), node.plays(), "never before the target instant");

    node.clock.set(due);
    awaitTrue("the alarm to play", () -> !node.plays().isEmpty());
    awaitTrue("the fired event", () -> !node.fired.isEmpty());
    JsonObject fired = node.fired.get(0);
    assertEquals(due.toString(), fired.getString("occurrence"));
    assertEquals(due.toString(), fired.getString("scheduled_for"));
    assertEquals(0, fired.getLong("late_ms"));
    assertEquals(KITCHEN, fired.getJsonObject("alarm").getString("device_name"));

    awaitTrue("enabled=false", () -> Boolean.FALSE.equals(node.configValue("enabled")));
    JsonObject after = node.alarmStatus();
    assertEquals(false, after.getBoolean("enabled"));
    assertNull(after.getValue("next_fire"));
    assertEquals(due.toString(), after.getJsonObject("last_fired").getString("occurrence"));
    assertEquals("played", after.getJsonObject("last_fired").getString("outcome"));
    assertEquals(1, node.plays().size(), "played once");
    JsonObject config = node.get("/api/config").bodyAsJsonObject();
    assertEquals(false, config.getBoolean("enabled"));
    for (String key : SchedulerState.FIELDS) {
      assertFalse(config.containsKey(key), key + " is the scheduler's internal state, not config");
    }
  }

  /**
   * The scheduler's plan is a cache of the config too: with the change event lost, invalidate-cache
   * must make it re-plan from the store, or the alarm keeps its old time.
   */
  @Test
  void invalidatingTheCachesMakesTheSchedulerReplan() {
    put(alarm("07:10", null));
    node.dropChangeEvents(true);
    HttpResponse<Buffer> r = node.putJson("/api/config", alarm("07:02", null).put("device_name", KITCHEN));
    assertEquals(200, r.statusCode(), r.bodyAsString());

    assertEquals(200, node.post("/api/thread-safety/invalidate-cache").statusCode());
    // The invalidation is a publish: the scheduler re-plans after the answer. A clock already at 07:02
    // by then puts the next 07:02 on tomorrow.
    awaitNextFire("2026-11-30T07:02:00+01:00");
    node.clock.set(at("2026-11-30T07:02+01:00"));
    awaitTrue("the alarm to play at its new time", () -> !node.plays().isEmpty());
    awaitTrue("the fired event", () -> !node.fired.isEmpty());
    assertEquals("2026-11-30T06:02:00Z", node.fired.get(0).getString("scheduled_for"));
  }

  // ---- metrics -----------------------------------------------------------------------------------

  @Test
  void metricsCountCacheReadsAndPlayedAlarms() {
    put(alarm("06:00", null).put("device_name", KITCHEN));
    for (int i = 0; i < 5; i++) {
      assertEquals(200, node.get("/api/config").statusCode());
    }
    assertEquals(200, node.post("/api/alarm/trigger").statusCode());

    String metrics = scrape();
    assertTrue(sample(metrics, "spotipi_config_cache_hits_total", "client=\"api\"") >= 1, metrics);
    sample(metrics, "spotipi_config_cache_misses_total", "client=\"api\""); // present; how many is racy
    assertEquals(1.0, sample(metrics, "spotipi_alarm_fired_total", "outcome=\"played\""));
    assertEquals(0.0, sample(metrics, "spotipi_alarm_fired_total", "outcome=\"failed\""));

    double hits = sample(metrics, "spotipi_config_cache_hits_total", "client=\"api\"");
    for (int i = 0; i < 3; i++) {
      node.get("/api/config");
    }
    assertTrue(sample(scrape(), "spotipi_config_cache_hits_total", "client=\"api\"") > hits, "counts at scrape time");
  }

  @Test
  void aSpotifyFailureIsAnsweredCountedAndShownInTheStatus() {
    put(alarm("06:00", null).put("device_name", KITCHEN));
    node.fake.fault(Fault.status("PUT", SpotiPiStack.PLAY, 503, null).times(Integer.MAX_VALUE));

    HttpResponse<Buffer> r = node.post("/api/alarm/trigger");
    assertEquals(503, r.statusCode(), r.bodyAsString());
    assertEquals("application/problem+json", r.getHeader("Content-Type"));
    String detail = "play: HTTP 503: scripted fault (5 attempts)";
    assertEquals(detail, r.bodyAsJsonObject().getString("detail"));
    assertEquals(5, node.plays().size(), "every attempt the player makes");

    JsonObject lastFired = node.alarmStatus().getJsonObject("last_fired");
    assertEquals("failed", lastFired.getString("outcome"));
    assertEquals(detail, lastFired.getString("detail"));
    String metrics = scrape();
    assertEquals(1.0, sample(metrics, "spotipi_alarm_fired_total", "outcome=\"failed\""));
    assertEquals(0.0, sample(metrics, "spotipi_alarm_fired_total", "outcome=\"played\""));
  }

  private String scrape() {
    HttpResponse<Buffer> r = node.get("/metrics");
    assertEquals(200, r.statusCode());
    return r.bodyAsString();
  }

  /** The value of the one sample of {@code name} whose labels contain {@code label}. */
  private static double sample(String metrics, String name, String label) {
    List<String> lines = metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label)).toList();
    assertEquals(1, lines.size(), () -> name + "{" + label + "} in:\n" + metrics);
    String line = lines.get(0);
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
