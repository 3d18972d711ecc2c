package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigSnapshot;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The server's request handler: answers {@code GET /api/config} from the near cache without routing,
 * and hands every other request (and that one when the cache is stale) on, to {@link CachedLibraryPages}
 * and then the router. The whole document is the API's hot read, and routing it costs a measurable share
 * of a bare server's throughput (bench/results/README.md). The answer is the router's: the same
 * {@link RequestGuard} checks and headers, the same {@link Replies#snapshot}.
 */
final class CachedConfigGet implements Handler<HttpServerRequest> {
  static final String PATH = "/api/config";

  private final ConfigClient client;
  private final RequestGuard guard;
  private final Handler<HttpServerRequest> next;

  CachedConfigGet(ConfigClient client, RequestGuard guard, Handler<HttpServerRequest> next) {
    this.client = client;
    this.guard = guard;
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest req) {
    ConfigSnapshot snapshot;
    if (req.method() != HttpMethod.GET || !PATH.equals(req.path()) || (snapshot = client.loadCached()) == null) {
      next.handle(req);
      return;
    }
    guard.admitRead(req, r -> Replies.snapshot(r, snapshot));
  }
}
