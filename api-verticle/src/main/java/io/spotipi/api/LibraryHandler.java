package io.spotipi.api;

import io.spotipi.shared.ControlsClient;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.LibraryRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/library/...}: the user's playlists, albums, tracks, artists, recently played and top
 * tracks, search and an artist's albums, as pages {@code {items, total, next_offset}} with an entity tag
 * ({@code If-None-Match} → 304). The player reads the lists from Spotify and keeps them; recent pages
 * are answered from {@link PageCache}; {@code ?refresh=true} asks the player to read Spotify again.
 */
final class LibraryHandler {
  static final long PAGE_MAX_AGE_MS = 1_000;
  static final int MAX_PAGES = 256;
  private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("private, no-cache");

  private final ControlsClient controls;
  private final PageCache<LibraryRequest> pages = new PageCache<>(System::nanoTime,
      TimeUnit.MILLISECONDS.toNanos(PAGE_MAX_AGE_MS), MAX_PAGES);

  LibraryHandler(ControlsClient controls) {
    this.controls = controls;
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
    LibraryRequest key = request.cached();
    PageCache.Page recent = request.refresh() ? null : pages.get(key);
    Future<PageCache.Page> page = recent != null ? Future.succeededFuture(recent)
        : controls.library(request).map(p -> {
          PageCache.Page encoded = encode(p);
          pages.put(key, encoded);
          return encoded;
        });
    page.onSuccess(p -> send(rc, p)).onFailure(rc::fail);
  }

  private static PageCache.Page encode(LibraryPage page) {
    JsonObject body = Json.toJson(page);
    body.remove("etag");
    return new PageCache.Page(page.etag(), body.toBuffer());
  }

  private static void send(RoutingContext rc, PageCache.Page page) {
    rc.response().putHeader(HttpHeaders.ETAG, page.etag()).putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
    if (Preconditions.noneMatchHits(rc.request().getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
      rc.response().setStatusCode(304).end();
    } else {
      Replies.json(rc, 200, page.body());
    }
  }
}
