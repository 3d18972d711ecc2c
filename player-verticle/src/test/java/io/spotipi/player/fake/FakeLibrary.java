package io.spotipi.player.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake's music: playlists and albums with their track totals, {@code GET /v1/me/playlists} (paged,
 * {@code next} an absolute URL) and the single objects. In development mode a playlist's {@code tracks}
 * field is named {@code items}, as Spotify does for apps in development mode.
 */
public final class FakeLibrary {
  /** Where a playlist's cover is: Spotify serves them from its second image host, without a size. */
  public static final String PLAYLIST_IMAGES = "https://image-cdn-ak.spotifycdn.com/image/";

  private final FakeSpotify fake;
  private final Map<String, JsonObject> playlists = new LinkedHashMap<>();
  private final Map<String, Integer> albums = new LinkedHashMap<>();
  private boolean developmentMode;
  private String nextBase;

  FakeLibrary(FakeSpotify fake) {
    this.fake = fake;
  }

  public synchronized FakeLibrary playlist(String id, String name, int total) {
    playlists.put(id, new JsonObject().put("id", id).put("name", name).put("total", total));
    return this;
  }

  public synchronized FakeLibrary album(String id, int total) {
    albums.put(id, total);
    return this;
  }

  public synchronized FakeLibrary developmentMode(boolean on) {
    developmentMode = on;
    return this;
  }

  /** Where the {@code next} links of pages point; the fake itself unless set. */
  public synchronized FakeLibrary nextLinksTo(String base) {
    nextBase = base;
    return this;
  }

  /** The track total of a playlist or album URI, or null when unknown. */
  synchronized Integer total(String contextUri) {
    if (contextUri == null) {
      return null;
    }
    String id = contextUri.substring(contextUri.lastIndexOf(':') + 1);
    if (contextUri.startsWith("spotify:playlist:")) {
      return playlists.containsKey(id) ? playlists.get(id).getInteger("total") : null;
    }
    return contextUri.startsWith("spotify:album:") ? albums.get(id) : null;
  }

  void mount(Router router) {
    router.get("/v1/me/playlists").handler(this::myPlaylists);
    router.get("/v1/playlists/:id").handler(this::playlist);
    router.get("/v1/albums/:id").handler(this::album);
  }

  private synchronized void myPlaylists(RoutingContext rc) {
    int limit = Integer.parseInt(rc.request().getParam("limit", "20"));
    int offset = Integer.parseInt(rc.request().getParam("offset", "0"));
    List<JsonObject> all = List.copyOf(playlists.values());
    JsonArray items = new JsonArray();
    all.stream().skip(offset).limit(limit).forEach(p -> items.add(summary(p)));
    String next = offset + limit < all.size()
        ? (nextBase == null ? fake.url() : nextBase) + "/v1/me/playlists?offset=" + (offset + limit) + "&limit=" + limit : null;
    FakeSpotify.end(rc, 200, new JsonObject().put("items", items).put("next", next).put("total", all.size())
        .put("limit", limit).put("offset", offset));
  }

  private synchronized void playlist(RoutingContext rc) {
    JsonObject p = playlists.get(rc.pathParam("id"));
    if (p == null) {
      FakeSpotify.error(rc, 404, null, "Resource not found");
    } else {
      FakeSpotify.end(rc, 200, summary(p));
    }
  }

  private synchronized void album(RoutingContext rc) {
    Integer total = albums.get(rc.pathParam("id"));
    if (total == null) {
      FakeSpotify.error(rc, 404, null, "Resource not found");
    } else {
      FakeSpotify.end(rc, 200, new JsonObject().put("id", rc.pathParam("id")).put("total_tracks", total)
          .put("tracks", new JsonObject().put("total", total)));
    }
  }

  private JsonObject summary(JsonObject p) {
    JsonObject tracks = new JsonObject().put("href", fake.url() + "/v1/playlists/" + p.getString("id") + "/tracks")
        .put("total", p.getInteger("total"));
    return new JsonObject().put("type", "playlist").put("id", p.getString("id")).put("name", p.getString("name"))
        .put("uri", "spotify:playlist:" + p.getString("id")).put(developmentMode ? "items" : "tracks", tracks)
        .put("owner", new JsonObject().put("id", "owner-id").put("display_name", "Owner"))
        .put("images", new JsonArray().add(new JsonObject().put("url", PLAYLIST_IMAGES + p.getString("id"))
            .putNull("width").putNull("height")));
  }
}
