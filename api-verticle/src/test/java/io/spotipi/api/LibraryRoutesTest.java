package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static io.spotipi.api.ApiServer.assertSameAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.player.fake.FakeLibrary;
import io.spotipi.player.fake.FakeMusic;
import io.spotipi.player.fake.Fault;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/library/...} against the real player and the fake Spotify: pages, entity tags, strict queries. */
class LibraryRoutesTest extends PlayerRoutesTest {
  @BeforeEach
  void prepare() {
    IntStream.rangeClosed(1, 70).forEach(i -> player.fake.player().library().playlist(FakeMusic.id("pl", i),
        "List " + i, i));
    player.fake.music().savedAlbums(12).followedArtists(3).artistWithAlbums(FakeMusic.id("ar", 1), 4);
  }

  private int playlistReads() {
    return player.fake.requests("GET", "/v1/me/playlists").size();
  }

  @Test
  void aPageOfTheWholeListWithItsEntityTag() {
    HttpResponse<Buffer> r = api.get("/api/library/playlists?limit=50&offset=50");
    JsonObject page = ok(r);
    assertEquals(Set.of("items", "total", "next_offset"), page.fieldNames());
    assertEquals(70, page.getInteger("total"));
    assertNull(page.getValue("next_offset"));
    assertEquals(20, page.getJsonArray("items").size());
    assertEquals(new JsonObject().put("uri", "spotify:playlist:" + FakeMusic.id("pl", 51)).put("name", "List 51")
        .put("subtitle", "Owner").put("image_url", FakeLibrary.PLAYLIST_IMAGES + FakeMusic.id("pl", 51)).put("track_count", 51),
        page.getJsonArray("items").getJsonObject(0));
    String etag = r.getHeader("ETag");
    assertNotNull(etag);
    assertEquals(2, playlistReads());

    HttpResponse<Buffer> same = api.send(api.request(HttpMethod.GET, "/api/library/playlists?limit=50&offset=50")
        .putHeader("If-None-Match", etag));
    assertEquals(304, same.statusCode());
    assertEquals(etag, same.getHeader("ETag"));
    assertEquals(20, ok(api.get("/api/library/playlists")).getInteger("next_offset"), "default limit 20");
    assertEquals(2, playlistReads(), "pages are cut from the cached list");

    assertEquals(304, api.send(api.request(HttpMethod.GET, "/api/library/playlists?limit=50&offset=50&refresh=true")
        .putHeader("If-None-Match", etag)).statusCode(), "read again, unchanged");
    assertEquals(4, playlistReads());
  }

  @Test
  void aPageAnsweredAgainWithinASecondIsTheRoutedAnswer() {
    String path = "/api/library/playlists?limit=5&offset=10";
    HttpResponse<Buffer> routed = api.get(path);
    assertSameAnswer(routed, api.get(path), 200);
    String etag = routed.getHeader("ETag");
    // the same page at another address: routed the first time
    Supplier<HttpRequest<Buffer>> conditional = () -> api.request(HttpMethod.GET,
        "/api/library/playlists?offset=10&limit=5").putHeader("If-None-Match", etag);
    assertSameAnswer(api.send(conditional.get()), api.send(conditional.get()), 304);
    assertEquals(2, playlistReads());
  }

  @Test
  void aRefreshIsNeverAnsweredFromRecentPagesAndNoOlderPageFollowsIt() {
    assertEquals(70, ok(api.get("/api/library/playlists")).getInteger("total"));
    player.fake.player().library().playlist(FakeMusic.id("pl", 71), "List 71", 71);
    assertEquals(70, ok(api.get("/api/library/playlists")).getInteger("total"), "the player keeps the list");
    assertEquals(71, ok(api.get("/api/library/playlists?refresh=true")).getInteger("total"));
    assertEquals(71, ok(api.get("/api/library/playlists?refresh=true")).getInteger("total"));
    assertEquals(6, playlistReads(), "each refresh reads Spotify");
    assertEquals(71, ok(api.get("/api/library/playlists")).getInteger("total"));
  }

  @Test
  void searchAnArtistsAlbumsAndTheOtherLists() {
    JsonObject albums = ok(api.get("/api/library/search?q=Album%201&type=album"));
    assertEquals(List.of("Album 1", "Album 10", "Album 11", "Album 12"), albums.getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("name")).toList());
    assertEquals(4, ok(api.get("/api/library/artists/" + FakeMusic.id("ar", 1) + "/albums")).getInteger("total"));
    assertEquals(3, ok(api.get("/api/library/artists")).getInteger("total"));
    JsonObject albumPage = ok(api.get("/api/library/albums?limit=5&offset=10"));
    assertEquals(12, albumPage.getInteger("total"));
    assertEquals(2, albumPage.getJsonArray("items").size());
    for (String list : List.of("tracks", "recent", "top")) {
      assertEquals(0, ok(api.get("/api/library/" + list)).getInteger("total"), list);
    }
  }

  @Test
  void queriesAreCheckedStrictly() {
    for (String bad : List.of("limit=0", "limit=51", "limit=abc", "limit=%2B5", "limit=5&limit=6", "limit=",
        "offset=-1",
        "offset=100001", "offset=1e3", "refresh=yes", "sort=name")) {
      assertProblem(api.get("/api/library/playlists?" + bad), 400);
    }
    for (String bad : List.of("q=a&type=album", "type=album", "q=ab", "q=ab&type=show", "q=" + "x".repeat(101)
        + "&type=track", "q=%01%02&type=track", "q=ab&type=track&artist=1")) {
      assertProblem(api.get("/api/library/search?" + bad), 400);
    }
    assertProblem(api.get("/api/library/artists/short/albums"), 400);
    assertProblem(api.get("/api/library/podcasts"), 404);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/library/playlists")), 405);
    assertEquals(0, playlistReads() + player.fake.requests("GET", "/v1/search").size());
  }

  @Test
  void spotifysFailuresMapToClearStatuses() {
    player.fake.fault(Fault.tooManyRequests("GET", "/v1/me/albums", 90));
    HttpResponse<Buffer> r = api.get("/api/library/albums");
    assertProblem(r, 503);
    assertEquals("90", r.getHeader("Retry-After"));
    assertProblem(api.get("/api/library/artists/" + FakeMusic.id("ar", 9) + "/albums"), 404);
  }
}
