package io.spotipi.api;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every request: security headers, the client's address, CORS headers for
 * allow-listed origins, the rate limit, and access control on mutations (every method but GET, HEAD and
 * OPTIONS). Synchronous, so the body handler after it still sees the whole body.
 */
final class RequestGuard implements Handler<RoutingContext> {
  private static final String CLIENT = "spotipi.client";
  private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
  private static final CharSequence EXPOSED = HttpHeaders.createOptimized("ETag, Retry-After, Location, Allow");

  private final AccessPolicy policy;
  private final RateLimiter limiter;

  /** @param limiter {@code null} when rate limiting is off */
  RequestGuard(AccessPolicy policy, RateLimiter limiter) {
    this.policy = policy;
    this.limiter = limiter;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    MultiMap out = rc.response().headers();
    SecurityHeaders.apply(out);
    boolean mutation = isMutation(req.method());
    // a read needs the client's address only for its rate limit
    String client = mutation || limiter != null
        ? policy.clientAddress(req.remoteAddress().hostAddress(), req.getHeader(X_FORWARDED_FOR)) : null;
    String origin = req.getHeader(HttpHeaders.ORIGIN);
    if (origin != null && policy.corsListed(origin)) {
      out.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).add(HttpHeaders.VARY, HttpHeaders.ORIGIN)
          .set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    }
    if (limiter != null) {
      long waitSeconds = limiter.acquire(client, mutation);
      if (waitSeconds > 0) {
        rc.fail(Problem.of(429, "too many " + (mutation ? "changes" : "requests") + " from " + client)
            .header("Retry-After", Long.toString(waitSeconds)));
        return;
      }
    }
    if (mutation) {
      Problem denied = policy.checkMutation(client, req.getHeader(HttpHeaders.AUTHORIZATION), origin,
          req.getHeader(HttpHeaders.HOST));
      if (denied != null) {
        rc.fail(denied);
        return;
      }
      rc.put(CLIENT, client);
    }
    rc.next();
  }

  static boolean isMutation(HttpMethod m) {
    return m != HttpMethod.GET && m != HttpMethod.HEAD && m != HttpMethod.OPTIONS;
  }

  /** Who made a mutation, as recorded in the commit history: {@code http PATCH 192.168.1.20}. */
  static String commitOrigin(RoutingContext rc) {
    return "http " + rc.request().method().name() + " " + rc.get(CLIENT);
  }
}
