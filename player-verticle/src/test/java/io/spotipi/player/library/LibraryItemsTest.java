package io.spotipi.player.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.player.fake.FakeMusic;
import io.spotipi.shared.message.LibraryItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryItemsTest {
  private static final JsonObject ALBUM = FakeMusic.album("al0000000000000000001", "Blue", "Joni", 10);

  private static JsonObject playlist(String summaryField) {
    return new JsonObject().put("type", "playlist").put("uri", "spotify:playlist:p1").put("name", "Morning")
        .put("owner", new JsonObject().put("id", "u1").put("display_name", "Ann"))
        .put(summaryField, new JsonObject().put("total", 42))
        .put("images", new JsonArray().add(new JsonObject().put("url", "img").putNull("width")));
  }

  @Test
  void playlistsInBothShapesCountTheirTracks() {
    LibraryItem expected = new LibraryItem("spotify:playlist:p1", "Morning", "Ann", "img", 42);
    assertEquals(List.of(expected), LibraryItems.of(LibraryList.PLAYLISTS, List.of(playlist("tracks"))));
    assertEquals(List.of(expected), LibraryItems.of(LibraryList.PLAYLISTS, List.of(playlist("items"))));
  }

  @Test
  void savedAlbumsAndTracksAreUnwrappedWithArtistsAndCover() {
    JsonObject saved = new JsonObject().put("added_at", "2026-01-01T00:00:00Z").put("album", ALBUM);
    assertEquals(List.of(new LibraryItem("spotify:album:al0000000000000000001", "Blue", "Joni",
        "https://i.scdn.co/image/al0000000000000000001/300", 10)), LibraryItems.of(LibraryList.ALBUMS, List.of(saved)));
    JsonObject track = FakeMusic.track("tr0000000000000000001", "River", "Joni", ALBUM)
        .put("artists", new JsonArray().add(new JsonObject().put("name", "Joni"))
            .add(new JsonObject().put("name", "X")));
    assertEquals(List.of(new LibraryItem("spotify:track:tr0000000000000000001", "River", "Joni, X",
        "https://i.scdn.co/image/al0000000000000000001/300", null)),
        LibraryItems.of(LibraryList.TRACKS, List.of(new JsonObject().put("track", track))));
    assertEquals("River",
        LibraryItems.of(LibraryList.TRACKS, List.of(new JsonObject().put("item", track))).get(0).name());
  }

  @Test
  void artistsAreArtists() {
    assertEquals("Artist", LibraryItems.of(LibraryList.ARTISTS,
        List.of(FakeMusic.artist("ar0000000000000000001", "Joni"))).get(0).subtitle());
  }

  @Test
  void nullsUnknownsAndRepeatsAreLeftOut() {
    JsonObject track = FakeMusic.track("tr0000000000000000001", "River", "Joni", ALBUM);
    List<JsonObject> recent = Arrays.asList(new JsonObject().put("track", track), null,
        new JsonObject().put("track", track), new JsonObject().put("track", new JsonObject().put("type", "show")
            .put("uri", "spotify:show:s")), new JsonObject().put("played_at", "x"));
    assertEquals(1, LibraryItems.of(LibraryList.RECENT, recent).size());
  }
}
