package io.spotipi.player.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.FakeLibrary;
import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.FakeMusic;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.LibraryItem;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.LibraryRequest;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library's lists through the player's address: Spotify's paging, both playlist shapes, the cache. */
class LibraryReadsTest extends StackTest {
  @BeforeEach
  void prepare() {
    IntStream.rangeClosed(1, 120).forEach(i -> stack.fake.player().library().playlist(FakeMusic.id("pl", i),
        "List " + i, i));
    stack.fake.music().savedAlbums(60).savedTracks(75).followedArtists(55);
  }

  private static LibraryRequest list(String name, int limit, int offset) {
    return new LibraryRequest(name, limit, offset, null, null, null, false);
  }

  private LibraryPage read(LibraryRequest request) {
    return Await.result(stack.controls.library(request));
  }

  private int calls(String path) {
    return stack.fake.requests("GET", path).size();
  }

  @Test
  void aListOfMoreThan50IsReadWholeAndServedBySlices() {
    LibraryPage first = read(list("playlists", 20, 0));
    assertEquals(120, first.total());
    assertEquals(20, first.nextOffset());
    assertEquals(new LibraryItem("spotify:playlist:" + FakeMusic.id("pl", 1), "List 1", "Owner",
        FakeLibrary.PLAYLIST_IMAGES + FakeMusic.id("pl", 1), 1), first.items().get(0));
    assertEquals(3, calls("/v1/me/playlists"), "120 items in pages of 50");
    LibraryPage last = read(list("playlists", 50, 100));
    assertEquals(20, last.items().size());
    assertEquals("List 120", last.items().get(19).name());
    assertNull(last.nextOffset());
    assertEquals(3, calls("/v1/me/playlists"), "the second read is served from the cache");
  }

  @Test
  void eachListHasItsShape() {
    assertEquals(60, read(list("albums", 50, 0)).total());
    assertEquals("Band 1", read(list("albums", 1, 0)).items().get(0).subtitle());
    assertEquals(75, read(list("tracks", 50, 0)).total());
    LibraryPage artists = read(list("artists", 50, 0));
    assertEquals(55, artists.total());
    assertEquals(2, calls("/v1/me/following"), "cursor pages followed");
    stack.fake.music().played(FakeMusic.track(FakeMusic.id("tr", 1), "Song 1", "Singer 1",
        FakeMusic.album(FakeMusic.id("al", 1), "A", "B", 1))).played(FakeMusic.track(FakeMusic.id("tr", 1), "Song 1",
        "Singer 1", FakeMusic.album(FakeMusic.id("al", 1), "A", "B", 1)));
    assertEquals(1, read(list("recent", 50, 0)).total(), "a track played twice is listed once");
    assertEquals(0, read(list("top", 50, 0)).total());
  }

  @Test
  void playlistsOfAnAppInDevelopmentModeCountTheirTracksToo() {
    stack.fake.player().library().developmentMode(true);
    LibraryPage page = read(new LibraryRequest("playlists", 5, 0, null, null, null, true));
    assertEquals(List.of(1, 2, 3, 4, 5), page.items().stream().map(LibraryItem::trackCount).toList());
  }

  @Test
  void searchReadsPagesOf10AndSkipsTheNullsSpotifySends() {
    LibraryPage albums = read(new LibraryRequest("search", 50, 0, "album 1", "album", null, false));
    assertEquals(11, albums.total(), "Album 1, 10..19");
    assertEquals(2, calls("/v1/search"));
    assertTrue(stack.fake.requests("GET", "/v1/search").stream().allMatch(r -> "10".equals(r.param("limit"))));
    assertEquals(0, read(new LibraryRequest("search", 50, 0, "zz", "playlist", null, false)).total());
  }

  @Test
  void anArtistsAlbumsAndAnUnknownArtist() {
    String artist = FakeMusic.id("ar", 1);
    stack.fake.music().artistWithAlbums(artist, 23);
    LibraryPage page = read(new LibraryRequest("artist_albums", 50, 0, null, null, artist, false));
    assertEquals(23, page.total());
    assertEquals(8, page.items().get(0).trackCount());
    ConfigFailure f = assertInstanceOf(ConfigFailure.class, Await.failure(stack.controls.library(
        new LibraryRequest("artist_albums", 50, 0, null, null, FakeMusic.id("ar", 404), false))));
    assertEquals(ErrorCode.NOT_FOUND, f.code());
  }

  @Test
  void concurrentFirstReadsCallSpotifyOnceAndARefreshReadsAgain() {
    List<Future<LibraryPage>> reads = IntStream.range(0, 8)
        .mapToObj(i -> stack.controls.library(list("albums", 10, i * 10))).toList();
    reads.forEach(Await::result);
    assertEquals(2, calls("/v1/me/albums"), "60 albums: one read of two pages for all eight");
    String etag = read(list("albums", 10, 0)).etag();
    LibraryPage refreshed = read(new LibraryRequest("albums", 10, 0, null, null, null, true));
    assertEquals(4, calls("/v1/me/albums"));
    assertEquals(etag, refreshed.etag(), "the same content keeps its entity tag");
    stack.fake.music().savedAlbums(1);
    assertNotEquals(etag, read(new LibraryRequest("albums", 10, 0, null, null, null, true)).etag());
  }

  @Test
  void aRateLimitedReadIsUnavailableWithRetryAfterAndAStaleListStillAnswers() {
    stack.fake.fault(Fault.tooManyRequests("GET", "/v1/me/albums", 120));
    ConfigFailure f = assertInstanceOf(ConfigFailure.class,
        Await.failure(stack.controls.library(list("albums", 10, 0))));
    assertEquals(ErrorCode.UNAVAILABLE, f.code());
    assertEquals(120L, f.retryAfterSeconds());
    read(list("albums", 10, 0));
    stack.advance(Duration.ofMinutes(2));
    stack.fake.fault(Fault.status("GET", "/v1/me/albums", 502, null));
    assertEquals(60, read(list("albums", 10, 0)).total(), "stale after its minute, but Spotify failed");
  }

  @Test
  void anUnknownListIsABadRequest() {
    ConfigFailure f = assertInstanceOf(ConfigFailure.class, Await.failure(stack.controls.library(list("podcasts", 10,
        0))));
    assertEquals(ErrorCode.BAD_REQUEST, f.code());
  }
}
