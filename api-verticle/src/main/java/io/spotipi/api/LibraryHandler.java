package io.spotipi.api;

import io.spotipi.shared.ControlsClient;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.LibraryRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/library/...}: the user's playlists, albums, tracks, artists, recently played and top
 * tracks, search and an artist's albums, as pages {@code {items, total, next_offset}} with an entity tag
 * ({@code If-None-Match} → 304). The player reads the lists from Spotify and keeps them; each page
 * answered is kept for a second by its address in a {@link PageCache}, from which
 * {@link CachedLibraryPages} answers it again ahead of the router. {@code ?refresh=true} asks the player
 * to read Spotify again, and empties that cache so that no older page is answered after it.
 */
final class LibraryHandler {
  static final long PAGE_MAX_AGE_MS = 1_000;
  static final int MAX_PAGES = 256;
  private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("private, no-cache");

  private final ControlsClient controls;
  private final PageCache<String> pages;

  LibraryHandler(ControlsClient controls, PageCache<String> pages) {
    this.controls = controls;
    this.pages = pages;
  }

  /** The pages answered lately, by request address ({@link HttpServerRequest#uri()}). */
  static PageCache<String> pageCache() {
    return new PageCache<>(System::nanoTime, TimeUnit.MILLISECONDS.toNanos(PAGE_MAX_AGE_MS), MAX_PAGES);
  }

  void list(RoutingContext rc) {
    answer(rc, LibraryQuery.list(rc.pathParam("list"), rc.queryParams()));
  }

  void search(RoutingContext rc) {
    answer(rc, LibraryQuery.search(rc.queryParams()));
  }

  void artistAlbums(RoutingContext rc) {
    answer(rc, LibraryQuery.artistAlbums(rc.pathParam("id"), rc.queryParams()));
  }

  private void answer(RoutingContext rc, LibraryRequest request) {
    String uri = rc.request().uri();
    controls.library(request).map(p -> {
      PageCache.Page encoded = encode(p);
      if (request.refresh()) {
        pages.clear();
      } else {
        pages.put(uri, encoded);
      }
      return encoded;
    }).onSuccess(p -> send(rc.request(), p)).onFailure(rc::fail);
  }

  private static PageCache.Page encode(LibraryPage page) {
    JsonObject body = Json.toJson(page);
    body.remove("etag");
    return new PageCache.Page(page.etag(), body.toBuffer());
  }

  /** The page, or 304 when the client's copy is current: routed or not, the same answer. */
  static void send(HttpServerRequest req, PageCache.Page page) {
    HttpServerResponse resp = req.response().putHeader(HttpHeaders.ETAG, page.etag())
        .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
    if (Preconditions.noneMatchHits(req.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
      resp.setStatusCode(304).end();
    } else {
      Replies.json(resp.setStatusCode(200), page.body());
    }
  }
}
