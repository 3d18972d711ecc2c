package io.spotipi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotipi.shared.message.LibraryItem;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.PlaybackStatus;
import io.spotipi.shared.message.SleepStatus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shapes of the player controls: what the HTTP routes answer with, field by field. */
class ControlsContractTest {

  @Test
  void aLibraryItemLeavesOutOnlyTheTrackCount() {
    JsonObject track = Json.toJson(new LibraryItem("spotify:track:1", "Song", "Band", null, null));
    assertEquals(
        new JsonObject("{\"uri\":\"spotify:track:1\",\"name\":\"Song\",\"subtitle\":\"Band\",\"image_url\":null}"),
        track);
    JsonObject page = Json.toJson(new LibraryPage(List.of(new LibraryItem("spotify:album:2", "A", "B", "u", 12)), 1,
        null, "\"x\""));
    assertEquals(12, page.getJsonArray("items").getJsonObject(0).getInteger("track_count"));
    assertEquals(true, page.containsKey("next_offset"));
  }

  @Test
  void playbackAndSleepKeepTheirNulls() {
    JsonObject playing = Json.toJson(new PlaybackStatus(new PlaybackStatus.Device("k1", "Kitchen", null), true, false,
        5, null));
    assertEquals(new JsonObject("{\"id\":\"k1\",\"name\":\"Kitchen\",\"volume_percent\":null}"),
        playing.getJsonObject("device"));
    assertEquals(true, playing.containsKey("item"));
    assertEquals(new JsonObject("{\"active\":false,\"ends_at\":null,\"uri\":null,\"device\":null}"),
        Json.toJson(SleepStatus.INACTIVE));
  }

  @Test
  void thePlayerStateTravelsWithoutItsAbsentFieldsAndIsStrict() {
    Instant at = Instant.parse("2026-12-01T06:30:00Z");
    PlayerState s = PlayerState.NONE.withAlarm(new PlayerState.AlarmWindow("o", at, 20, null, null, "p1", false));
    assertEquals(new JsonObject("{\"alarm\":{\"occurrence\":\"o\",\"fired_at\":\"2026-12-01T06:30:00Z\",\"volume\":20,"
        + "\"watcher\":\"p1\",\"dismissed\":false}}"), s.toJson());
    assertEquals(s, PlayerState.fromJson(s.toJson()));
    assertEquals(PlayerState.NONE, PlayerState.fromJson(new JsonObject()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PlayerState.fromJson(new JsonObject().put("alarm",
            new JsonObject().put("occurrence", "o").put("volume", 3).put("dismissed", false))));
    assertEquals("alarm.fired_at: required", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PlayerState.fromJson(new JsonObject().put("alarm", new JsonObject().put("occurrence", "o"))));
    assertEquals("alarm.volume: missing, unknown or of the wrong type", e.getMessage());
  }
}
