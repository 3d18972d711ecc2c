package io.spotipi.bench.spotify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;

/** What a user's pages send between alarms: the device list (cached and fresh), the Spotify and alarm status. */
final class MixedLoad {
  static final String PLAYLIST = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";

  private final Http spotipi;
  private long requests;
  private long failures;

  MixedLoad(Http spotipi) {
    this.spotipi = spotipi;
  }

  /** The alarm every run plays: one-time, UTC, on the fake's speaker, with a fade-in to 30. */
  static JsonObject alarm(String time) {
    return new JsonObject().put("enabled", true).put("time", time).putNull("weekdays").put("timezone", "UTC")
        .put("device_name", "Kitchen").put("playlist_uri", PLAYLIST).put("alarm_volume", 30).put("fade_in", true);
  }

  /** The same alarm on every day of the week: it stays on after it fired. */
  static JsonObject daily(String time) {
    return alarm(time).put("weekdays", new JsonArray(List.of(0, 1, 2, 3, 4, 5, 6)));
  }

  void batch() throws IOException, InterruptedException {
    for (int i = 0; i < 5; i++) {
      count(spotipi.get("/api/devices"));
    }
    count(spotipi.get("/api/devices?refresh=true"));
    for (int i = 0; i < 3; i++) {
      count(spotipi.get("/api/spotify/status"));
      count(spotipi.get("/api/alarm"));
    }
  }

  /** A batch with a manual alarm ({@code POST /api/alarm/trigger}) before it. */
  void batchWithTrigger() throws IOException, InterruptedException {
    count(spotipi.post("/api/alarm/trigger"));
    batch();
  }

  private void count(Http.Answer answer) {
    requests++;
    if (answer.status() != 200) {
      failures++;
    }
  }

  long requests() {
    return requests;
  }

  /** Answers other than 200 (all of them for the player's routes on a node without one). */
  long failures() {
    return failures;
  }
}
