package io.spotipi.player.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ShapesTest {

  @Test
  void playlistTotalInBothSummaryShapesAndTheAlbums() {
    assertEquals(42, Shapes.trackTotal(new JsonObject().put("tracks", new JsonObject().put("total", 42))));
    // An app in development mode gets the field as "items".
    assertEquals(7, Shapes.trackTotal(new JsonObject().put("items", new JsonObject().put("total", 7))));
    assertEquals(12, Shapes.trackTotal(new JsonObject().put("total_tracks", 12)));
    assertNull(Shapes.trackTotal(new JsonObject().put("name", "x")));
  }

  @Test
  void aPageIsTheAnswerOrTheFieldItIsWrappedIn() {
    JsonObject page = new JsonObject().put("items", new JsonArray().add(1)).put("next", (String) null);
    assertEquals(page, Shapes.page(page));
    JsonObject wrapped = new JsonObject().put("artists", page);
    assertEquals(page, Shapes.page(wrapped));
  }

  @Test
  void uriKindsDecideHowTheyArePlayed() {
    assertEquals(new JsonObject().put("uris", new JsonArray().add("spotify:track:4uLU6hMCjMI75M1A2tKUQC")),
        new PlayRequest(SpotifyUri.parse("spotify:track:4uLU6hMCjMI75M1A2tKUQC"), null).body());
    assertEquals(new JsonObject().put("context_uri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M")
            .put("offset", new JsonObject().put("position", 3)),
        new PlayRequest(SpotifyUri.parse("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M"), 3).body());
    assertEquals(new JsonObject().put("context_uri", "spotify:artist:0OdUWJ0sBjDrqHygGUXeCF"),
        new PlayRequest(SpotifyUri.parse("spotify:artist:0OdUWJ0sBjDrqHygGUXeCF"), null).body());
    assertEquals(new JsonObject(), PlayRequest.resume().body());
    assertThrows(IllegalArgumentException.class,
        () -> new PlayRequest(SpotifyUri.parse("spotify:artist:0OdUWJ0sBjDrqHygGUXeCF"), 2));
    assertThrows(IllegalArgumentException.class, () -> SpotifyUri.parse("https://open.spotify.com/x"));
  }

  @Test
  void retryAfterIsWholeSeconds() {
    assertEquals(30L, Responses.retryAfter(" 30 "));
    assertNull(Responses.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertNull(Responses.retryAfter(null));
    assertNull(Responses.retryAfter("-1"));
  }

  @Test
  void errorsDescribeThemselvesInOneLine() {
    assertEquals("HTTP 403 VOLUME_CONTROL_DISALLOW: Cannot control device volume",
        SpotifyError.http(403, "VOLUME_CONTROL_DISALLOW", "Cannot control device volume", null).describe());
    assertEquals("HTTP 429 (Retry-After 5 s)", SpotifyError.http(429, null, null, 5L).describe());
    assertEquals("no answer: Connection refused",
        SpotifyError.of(SpotifyError.Kind.CONNECTION, "Connection refused").describe());
    assertEquals("Spotify not connected",
        SpotifyError.of(SpotifyError.Kind.NOT_CONNECTED, "Spotify not connected").describe());
    assertEquals(203, SpotifyError.http(500, null, "x".repeat(500), null).message().length());
  }
}
