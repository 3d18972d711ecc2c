package io.spotipi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.HistoryEntry;
import io.spotipi.shared.message.StateChanged;
import io.spotipi.shared.message.StateCommitRequest;
import io.spotipi.shared.message.StateDocument;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shapes other tools depend on: field names, time format, failure encoding. */
class ContractTest {

  @Test
  void recordsTravelAsTheDocumentedJson() {
    assertEquals(new JsonObject("{\"revision\":3,\"changedKeys\":[\"time\"],\"origin\":\"api\"}"),
        Json.toJson(new ConfigChanged(3, List.of("time"), "api")));
    Instant at = Instant.parse("2026-03-29T05:00:00Z");
    assertEquals(new JsonObject("{\"revision\":4,\"at\":\"2026-03-29T05:00:00Z\",\"origin\":\"x\",\"changed_keys\":[]}"),
        Json.toJson(new HistoryEntry(4, at, "x", List.of())));
    JsonObject fired = Json.toJson(new AlarmFired("2026-03-29T05:00:00Z", at, at.plusMillis(12), 12,
        new AlarmSpec("07:00", null, "", "", 20, true, false)));
    assertEquals("2026-03-29T05:00:00Z", fired.getString("scheduled_for"));
    assertEquals(12, fired.getLong("late_ms"));
    assertEquals(20, fired.getJsonObject("alarm").getInteger("alarm_volume"));
    assertEquals(at, Json.fromJson(fired, AlarmFired.class).scheduledFor());
  }

  @Test
  void stateRecordsTravelAsTheDocumentedJsonAndNeverPrintTheirValue() {
    JsonObject secret = new JsonObject().put("refresh_token", "s3cr3t");
    assertEquals(new JsonObject("{\"section\":\"scheduler\",\"revision\":2,\"value\":{\"refresh_token\":\"s3cr3t\"}}"),
        Json.toJson(new StateDocument("scheduler", 2, secret)));
    assertEquals(new JsonObject("{\"section\":\"scheduler\",\"expectedRevision\":1,\"value\":{},\"origin\":\"t\"}"),
        Json.toJson(new StateCommitRequest("scheduler", 1L, new JsonObject(), "t")));
    assertEquals(new JsonObject("{\"section\":\"scheduler\",\"revision\":3}"), Json.toJson(new StateChanged("scheduler", 3)));
    assertFalse(new StateDocument("scheduler", 2, secret).toString().contains("s3cr3t"));
    assertFalse(new StateCommitRequest("scheduler", 1L, secret, "t").toString().contains("s3cr3t"));
  }

  @Test
  void schedulerStateIsStrictAboutItsFields() {
    Instant at = Instant.parse("2026-03-29T05:00:00Z");
    SchedulerState s = SchedulerState.NONE.withPlanned(at).withClaim(at, "n1").withPendingDisable(at);
    assertEquals(s, SchedulerState.fromJson(s.toJson()));
    assertEquals(new JsonObject(), SchedulerState.NONE.toJson());
    for (JsonObject bad : List.of(new JsonObject().put("planned_occurrence", "soon"),
        new JsonObject().put("last_fired_occurrence", 5), new JsonObject().put("other", true))) {
      assertThrows(IllegalArgumentException.class, () -> SchedulerState.fromJson(bad), bad.encode());
    }
  }

  @Test
  void spotifyStateIsStrictAboutItsFieldsAndNeverPrintsASecret() {
    Instant at = Instant.parse("2026-11-01T07:00:00Z");
    SpotifyState stored = SpotifyState.credentials("id", "s3cr3t", "t0k3n", at);
    assertEquals(new JsonObject("{\"client_id\":\"id\",\"client_secret\":\"s3cr3t\",\"refresh_token\":\"t0k3n\","
        + "\"authorized_at\":\"2026-11-01T07:00:00Z\"}"), stored.toJson());
    assertEquals(stored, SpotifyState.fromJson(stored.toJson()));
    assertEquals(new JsonObject("{\"disconnected\":true}"), SpotifyState.DISCONNECTED_MARK.toJson());
    assertEquals(SpotifyState.DISCONNECTED_MARK, SpotifyState.fromJson(new JsonObject().put("disconnected", true)));
    assertEquals(SpotifyState.NONE, SpotifyState.fromJson(new JsonObject()));
    SpotifyState pkce = SpotifyState.credentials("id", null, null, null);
    assertEquals(pkce, SpotifyState.fromJson(pkce.toJson()));
    assertFalse(stored.toString().contains("s3cr3t") || stored.toString().contains("t0k3n"), stored.toString());
    for (JsonObject bad : List.of(new JsonObject().put("refresh_token", "t0k3n"),
        new JsonObject().put("client_id", "id").put("client_secret", ""),
        new JsonObject().put("client_id", "id").put("refresh_token", "t0k3n with a space"),
        new JsonObject().put("client_id", "id").put("refresh_token", "x".repeat(SpotifyState.MAX_LENGTH + 1)),
        new JsonObject().put("client_id", "id").put("authorized_at", "yesterday"),
        new JsonObject().put("client_id", 5), new JsonObject().put("disconnected", false),
        new JsonObject().put("disconnected", true).put("client_id", "id"), new JsonObject().put("other", 1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpotifyState.fromJson(bad),
          bad.encode());
      assertFalse(e.getMessage().contains("t0k3n"), e.getMessage());
    }
  }

  @Test
  void commitRequestKeepsItsDocumentAndLeavesOutNulls() {
    JsonObject json = Json.toJson(CommitRequest.patch(7L, new JsonObject().put("time", "06:30"), "t"));
    assertEquals(new JsonObject("{\"expectedRevision\":7,\"patch\":{\"time\":\"06:30\"},\"origin\":\"t\"}"), json);
    CommitRequest back = Json.fromJson(json, CommitRequest.class);
    assertEquals("06:30", back.patch().getString("time"));
    assertNull(back.config());
  }

  @Test
  void nullsInsideDocumentsSurviveTheTrip() {
    JsonObject json = Json.toJson(CommitRequest.patch(null, new JsonObject().putNull("alarm_volume"), "t"));
    assertEquals(false, json.containsKey("expectedRevision"));
    CommitRequest back = Json.fromJson(json, CommitRequest.class);
    assertEquals(true, back.patch().containsKey("alarm_volume"));
    assertNull(back.patch().getValue("alarm_volume"));
  }

  @Test
  void malformedBodiesAreDecodeExceptions() {
    assertThrows(DecodeException.class,
        () -> Json.fromJson(new JsonObject().put("expectedRevision", "seven"), CommitRequest.class));
    assertThrows(DecodeException.class, () -> Json.fromJson("text", CommitRequest.class));
  }

  @Test
  void failuresKeepCodeRevisionAndFieldErrorsAcrossTheWire() {
    ConfigFailure sent = new ConfigFailure(ErrorCode.INVALID, "bad", 9L,
        List.of(new FieldError("alarm_volume", "too big")));
    String wire = new JsonObject().put("code", "INVALID").put("message", "bad").put("currentRevision", 9)
        .put("errors", new io.vertx.core.json.JsonArray().add(Json.toJson(sent.errors().get(0)))).encode();
    ConfigFailure got = ConfigFailure.from(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 4220, wire));
    assertEquals(ErrorCode.INVALID, got.code());
    assertEquals(9L, got.currentRevision());
    assertEquals(sent.errors(), got.errors());
    assertEquals(ErrorCode.UNAVAILABLE,
        ConfigFailure.from(new ReplyException(ReplyFailure.TIMEOUT, -1, "timeout")).code());
    assertEquals(ErrorCode.UNAVAILABLE,
        ConfigFailure.from(new ReplyException(ReplyFailure.NO_HANDLERS, -1, "none")).code());
  }
}
