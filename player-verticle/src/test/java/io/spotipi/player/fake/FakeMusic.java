package io.spotipi.player.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fake's music beyond playlists: the user ({@code /v1/me}), saved albums and tracks, followed
 * artists, recently played and top tracks, search and an artist's albums, each paged as Spotify does
 * ({@code next} an absolute URL; cursors for the followed artists and the recently played), with
 * Spotify's page limits (10 for search and an artist's albums: more is a 400). Search answers a null
 * among the playlists, as Spotify does.
 */
public final class FakeMusic {
  private final FakeSpotify fake;
  private final List<JsonObject> albums = new ArrayList<>();
  private final List<JsonObject> tracks = new ArrayList<>();
  private final List<JsonObject> artists = new ArrayList<>();
  private final List<JsonObject> recent = new ArrayList<>();
  private final List<JsonObject> top = new ArrayList<>();
  private final List<JsonObject> searchable = new ArrayList<>();
  private final Map<String, List<JsonObject>> artistAlbums = new HashMap<>();
  private String user = "fake-user";

  FakeMusic(FakeSpotify fake) {
    this.fake = fake;
  }

  /** A Spotify id: the prefix, padded with digits to 22 characters. */
  public static String id(String prefix, int n) {
    String digits = String.valueOf(n);
    return prefix + "0".repeat(22 - prefix.length() - digits.length()) + digits;
  }

  public static JsonArray images(String id) {
    return new JsonArray().add(image(id, 640)).add(image(id, 300)).add(image(id, 64));
  }

  public static JsonObject album(String id, String name, String artist, int totalTracks) {
    return new JsonObject().put("type", "album").put("id", id).put("uri", "spotify:album:" + id).put("name", name)
        .put("artists", new JsonArray().add(new JsonObject().put("name", artist))).put("images", images(id))
        .put("total_tracks", totalTracks);
  }

  public static JsonObject track(String id, String name, String artist, JsonObject album) {
    return new JsonObject().put("type", "track").put("id", id).put("uri", "spotify:track:" + id).put("name", name)
        .put("artists", new JsonArray().add(new JsonObject().put("name", artist)))
        .put("album", new JsonObject().put("name", album.getString("name")).put("images", album.getJsonArray("images")))
        .put("duration_ms", 200_000);
  }

  public static JsonObject artist(String id, String name) {
    return new JsonObject().put("type", "artist").put("id", id).put("uri", "spotify:artist:" + id).put("name", name)
        .put("images", images(id));
  }

  /** The user the access tokens belong to ({@code GET /v1/me}). */
  public synchronized FakeMusic user(String id) {
    user = id;
    return this;
  }

  /** {@code n} more saved albums "Album 1" ... by "Band 1" ..., and searchable. */
  public synchronized FakeMusic savedAlbums(int n) {
    for (int i = albums.size() + 1, end = albums.size() + n; i <= end; i++) {
      JsonObject a = album(id("al", i), "Album " + i, "Band " + i, 10 + i);
      albums.add(a);
      searchable.add(a);
    }
    return this;
  }

  /** {@code n} more saved tracks "Song 1" ..., and searchable. */
  public synchronized FakeMusic savedTracks(int n) {
    JsonObject album = album(id("al", 9999), "Collected", "Various", 99);
    for (int i = tracks.size() + 1, end = tracks.size() + n; i <= end; i++) {
      JsonObject t = track(id("tr", i), "Song " + i, "Singer " + i, album);
      tracks.add(t);
      searchable.add(t);
    }
    return this;
  }

  /** {@code n} more followed artists "Artist 1" ..., and searchable. */
  public synchronized FakeMusic followedArtists(int n) {
    for (int i = artists.size() + 1, end = artists.size() + n; i <= end; i++) {
      JsonObject a = artist(id("ar", i), "Artist " + i);
      artists.add(a);
      searchable.add(a);
    }
    return this;
  }

  /** A play of the track in the recently played list (newest first, as added). */
  public synchronized FakeMusic played(JsonObject track) {
    recent.add(track);
    return this;
  }

  public synchronized FakeMusic top(JsonObject track) {
    top.add(track);
    return this;
  }

  /** An artist whose albums {@code GET /v1/artists/{id}/albums} lists. */
  public synchronized FakeMusic artistWithAlbums(String artistId, int n) {
    List<JsonObject> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      list.add(album(id("aa", i), "Record " + i, "Artist of " + artistId, 8));
    }
    artistAlbums.put(artistId, list);
    return this;
  }

  /** A playlist search results may hold (besides the saved items above). */
  public synchronized FakeMusic searchable(JsonObject item) {
    searchable.add(item);
    return this;
  }

  /** The track with this URI among the saved, played, top and searchable ones; null when none is. */
  synchronized JsonObject trackOf(String uri) {
    return Stream.of(tracks, recent, top, searchable).flatMap(List::stream)
        .filter(o -> uri.equals(o.getString("uri"))).findFirst().orElse(null);
  }

  void mount(Router router) {
    router.get("/v1/me").handler(rc -> FakeSpotify.end(rc, 200, me()));
    router.get("/v1/me/albums").handler(rc -> page(rc, "/v1/me/albums", wrapped(albums, "album"), 50, null, "offset"));
    router.get("/v1/me/tracks").handler(rc -> page(rc, "/v1/me/tracks", wrapped(tracks, "track"), 50, null, "offset"));
    router.get("/v1/me/top/tracks").handler(rc -> page(rc, "/v1/me/top/tracks", copy(top), 50, null, "offset"));
    router.get("/v1/me/following").handler(rc -> page(rc, "/v1/me/following", copy(artists), 50, "artists", "after"));
    router.get("/v1/me/player/recently-played").handler(rc -> page(rc, "/v1/me/player/recently-played",
        wrapped(recent, "track"), 50, null, "after"));
    router.get("/v1/search").handler(this::search);
    router.get("/v1/artists/:id/albums").handler(rc -> {
      List<JsonObject> list = artistAlbums(rc.pathParam("id"));
      if (list == null) {
        FakeSpotify.error(rc, 404, null, "Resource not found");
      } else {
        page(rc, "/v1/artists/" + rc.pathParam("id") + "/albums", list, 10, null, "offset");
      }
    });
  }

  private synchronized JsonObject me() {
    return new JsonObject().put("id", user).put("display_name", "Fake " + user).put("type", "user");
  }

  private synchronized List<JsonObject> artistAlbums(String id) {
    return artistAlbums.get(id);
  }

  private synchronized List<JsonObject> copy(List<JsonObject> list) {
    return List.copyOf(list);
  }

  private synchronized List<JsonObject> wrapped(List<JsonObject> list, String field) {
    return list.stream().map(o -> new JsonObject().put("added_at", "2026-11-01T07:00:00Z").put(field, o)).toList();
  }

  private void search(RoutingContext rc) {
    String q = rc.request().getParam("q", "").toLowerCase(Locale.ROOT);
    String type = rc.request().getParam("type", "");
    List<JsonObject> hits = new ArrayList<>();
    synchronized (this) {
      searchable.stream().filter(o -> o.getString("type").equals(type))
          .filter(o -> o.getString("name").toLowerCase(Locale.ROOT).contains(q)).forEach(hits::add);
    }
    if (type.equals("playlist")) {
      hits.add(0, null);
    }
    page(rc, "/v1/search", hits, 10, type + "s", "offset");
  }

  /**
   * A page from {@code position} (the {@code offset}, or for a cursor the {@code after} index), wrapped
   * in {@code field} when not null; {@code next} carries the position to go on from.
   */
  private void page(RoutingContext rc, String path, List<JsonObject> all, int maxLimit, String field, String position) {
    Integer limit = limit(rc, maxLimit);
    if (limit == null) {
      return;
    }
    int from = Integer.parseInt(rc.request().getParam(position, "0"));
    JsonArray items = new JsonArray();
    all.stream().skip(from).limit(limit).forEach(items::add);
    String next = from + limit < all.size()
        ? fake.url() + path + "?" + keep(rc) + position + "=" + (from + limit) + "&limit=" + limit : null;
    JsonObject page = new JsonObject().put("items", items).put("next", next).put("limit", limit);
    if (position.equals("offset")) {
      page.put("offset", from).put("total", all.size());
    } else {
      page.put("cursors", new JsonObject().put("after", next == null ? null : String.valueOf(from + limit)));
      if (field != null) {
        page.put("total", all.size());
      }
    }
    FakeSpotify.end(rc, 200, field == null ? page : new JsonObject().put(field, page));
  }

  /** The request's limit, or null after answering 400 for one past Spotify's maximum. */
  private static Integer limit(RoutingContext rc, int max) {
    int limit = Integer.parseInt(rc.request().getParam("limit", "20"));
    if (limit < 1 || limit > max) {
      FakeSpotify.error(rc, 400, null, "Invalid limit");
      return null;
    }
    return limit;
  }

  /** The query parameters a next link keeps (all but paging), each followed by {@code &}. */
  private static String keep(RoutingContext rc) {
    StringBuilder b = new StringBuilder();
    rc.queryParams().forEach((k, v) -> {
      if (!k.equals("offset") && !k.equals("limit") && !k.equals("after")) {
        b.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
            .append('&');
      }
    });
    return b.toString();
  }

  /** On Spotify's image host, as its album, track and artist images are. */
  private static JsonObject image(String id, int side) {
    return new JsonObject().put("url", "https://i.scdn.co/image/" + id + "/" + side).put("width", side)
        .put("height", side);
  }
}
