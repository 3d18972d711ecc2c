package io.spotipi.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers a {@code GET} of a library page that was answered within the last second ({@link PageCache},
 * filled by {@link LibraryHandler}) without routing, and hands every other request on. Reaching the
 * library's routes walks past every route registered before them, regex-matching those with path
 * parameters: a large share of the event loop's time under load (bench/results/README.md). The
 * answer is the routed one: the same {@link RequestGuard} checks and headers, the same
 * {@link LibraryHandler#send}. Only an address answered 200 is cached, so a hit needs no checking again.
 */
final class CachedLibraryPages implements Handler<HttpServerRequest> {
  static final String PREFIX = "/api/library/";

  private final PageCache<String> pages;
  private final RequestGuard guard;
  private final Handler<HttpServerRequest> next;

  CachedLibraryPages(PageCache<String> pages, RequestGuard guard, Handler<HttpServerRequest> next) {
    this.pages = pages;
    this.guard = guard;
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest req) {
    PageCache.Page page;
    if (req.method() != HttpMethod.GET || !req.path().startsWith(PREFIX) || (page = pages.get(req.uri())) == null) {
      next.handle(req);
      return;
    }
    guard.admitRead(req, r -> LibraryHandler.send(r, page));
  }
}
