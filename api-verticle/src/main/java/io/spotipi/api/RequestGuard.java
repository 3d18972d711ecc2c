package io.spotipi.api;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every request: security headers, the {@code Host} check against DNS rebinding
 * ({@link AllowedHosts}; {@code /healthz} is exempt), the client's address, CORS headers for
 * allow-listed origins, the rate limit, and access control on mutations (every method but GET, HEAD
 * and OPTIONS). Each refusal is logged, at most once a minute per client ({@link RefusalLog}).
 * Synchronous, so the body handler after it still sees the whole body. The reads that skip the router
 * ({@link CachedConfigGet}) go through the same checks.
 */
final class RequestGuard implements Handler<RoutingContext> {
  private static final String CLIENT = "spotipi.client";
  private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
  private static final CharSequence EXPOSED = HttpHeaders.createOptimized("ETag, Retry-After, Location, Allow");

  private final AccessPolicy policy;
  private final AllowedHosts hosts;
  private final RateLimiter limiter;
  private final RefusalLog refusals;
  /** The last {@code Host} admitted: nearly every request repeats it, and it needs no parsing again. */
  private String admittedHost;

  /** @param limiter {@code null} when rate limiting is off */
  RequestGuard(AccessPolicy policy, AllowedHosts hosts, RateLimiter limiter, RefusalLog refusals) {
    this.policy = policy;
    this.hosts = hosts;
    this.limiter = limiter;
    this.refusals = refusals;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    boolean mutation = isMutation(req.method());
    String client = clientOf(req, mutation);
    Problem denied = admit(req, mutation, client);
    if (denied != null) {
      rc.fail(denied);
      return;
    }
    if (mutation) {
      rc.put(CLIENT, client);
    }
    rc.next();
  }

  /**
   * The same checks for a read answered without the router ({@link CachedConfigGet},
   * {@link CachedLibraryPages}): {@code answer} when they pass, else the refusal.
   */
  void admitRead(HttpServerRequest req, Handler<HttpServerRequest> answer) {
    Problem denied = admit(req, false, clientOf(req, false));
    if (denied != null) {
      ProblemHandler.send(req, denied);
    } else {
      answer.handle(req);
    }
  }

  /** The client's address; {@code null} for a read without a rate limit, which has no use for it. */
  private String clientOf(HttpServerRequest req, boolean mutation) {
    return mutation || limiter != null ? address(req) : null;
  }

  private String address(HttpServerRequest req) {
    return policy.clientAddress(req.remoteAddress().hostAddress(), req.getHeader(X_FORWARDED_FOR));
  }

  /** Sets the response headers every answer carries; returns why the request may not go on, or {@code null}. */
  private Problem admit(HttpServerRequest req, boolean mutation, String client) {
    MultiMap out = req.response().headers();
    SecurityHeaders.apply(out);
    Problem denied = checkHost(req);
    if (denied == null) {
      denied = checkClient(req, mutation, client, out);
    }
    if (denied != null) {
      refusals.refused(client != null ? client : address(req), req.method().name() + " " + req.path(), denied);
    }
    return denied;
  }

  private Problem checkHost(HttpServerRequest req) {
    String host = req.getHeader(HttpHeaders.HOST);
    if (host == null || host.equals(admittedHost) || HealthHandler.LIVE_PATH.equals(req.path())) {
      return null; // no Host at all is HTTP/1.0 (Vert.x refuses HTTP/1.1 without one): no name to rebind
    }
    switch (hosts.check(host)) {
      case ADMITTED:
        admittedHost = host;
        return null;
      case FOREIGN:
        return Problem.of(421, "this server does not answer to the host name in Host: " + host
            + " (a page that rebinds its name to this server looks like this; add a name this server really"
            + " has to --allowed-hosts)");
      default:
        return Problem.of(400, "the Host header is malformed: " + host);
    }
  }

  private Problem checkClient(HttpServerRequest req, boolean mutation, String client, MultiMap out) {
    String origin = req.getHeader(HttpHeaders.ORIGIN);
    if (origin != null && policy.corsListed(origin)) {
      out.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).add(HttpHeaders.VARY, HttpHeaders.ORIGIN)
          .set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    }
    if (limiter != null) {
      long waitSeconds = limiter.acquire(client, mutation);
      if (waitSeconds > 0) {
        return Problem.of(429, "too many " + (mutation ? "changes" : "requests") + " from " + client)
            .header("Retry-After", Long.toString(waitSeconds));
      }
    }
    return mutation ? policy.checkMutation(client, req.getHeader(HttpHeaders.AUTHORIZATION), origin,
        req.getHeader(HttpHeaders.REFERER), req.getHeader(HttpHeaders.HOST)) : null;
  }

  static boolean isMutation(HttpMethod m) {
    return m != HttpMethod.GET && m != HttpMethod.HEAD && m != HttpMethod.OPTIONS;
  }

  /** Who made a mutation, as recorded in the commit history: {@code http PATCH 192.168.1.20}. */
  static String commitOrigin(RoutingContext rc) {
    return "http " + rc.request().method().name() + " " + rc.get(CLIENT);
  }
}
