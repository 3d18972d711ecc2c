package io.spotipi.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.player.fake.FakeMusic;
import io.spotipi.shared.message.PlaybackStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackViewTest {

  @Test
  void aTrackShowsItsArtistsAlbumCoverAndLength() {
    JsonObject track = FakeMusic.track("tr0000000000000000001", "River", "Joni",
        FakeMusic.album("al0000000000000000001", "Blue", "Joni", 10));
    JsonObject player = new JsonObject().put("device", new JsonObject().put("id", "k1").put("name", "Kitchen")
        .put("volume_percent", 30).put("type", "Speaker")).put("is_playing", true).put("shuffle_state", true)
        .put("progress_ms", 1234).put("item", track);
    assertEquals(new PlaybackStatus(new PlaybackStatus.Device("k1", "Kitchen", 30), true, true, 1234,
        new PlaybackStatus.Item("spotify:track:tr0000000000000000001", "River", List.of("Joni"), "Blue",
            "https://i.scdn.co/image/al0000000000000000001/300", 200_000L)), PlaybackView.of(player));
  }

  @Test
  void anEpisodeStandsItsShowForArtistAndAlbum() {
    JsonObject episode = new JsonObject().put("type", "episode").put("uri", "spotify:episode:e1").put("name", "Ep 1")
        .put("duration_ms", 60_000).put("show", new JsonObject().put("name", "The Show"))
        .put("images", new JsonArray().add(new JsonObject().put("url", "ep").put("width", 640).put("height", 640)));
    PlaybackStatus.Item item = PlaybackView.of(new JsonObject().put("item", episode)).item();
    assertEquals(List.of("The Show"), item.artists());
    assertEquals("The Show", item.album());
    assertEquals("ep", item.imageUrl());
  }

  @Test
  void missingPartsAreNullOrFalse() {
    PlaybackStatus s = PlaybackView.of(new JsonObject().put("device", new JsonObject().put("id", "k1")));
    assertEquals(new PlaybackStatus.Device("k1", "", null), s.device());
    assertFalse(s.isPlaying());
    assertNull(s.item());
  }
}
