package io.spotipi.api;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * The headers every response carries: no MIME sniffing, no framing, no referrer, and no caching (every
 * resource here is live state). Names and values are pre-encoded: this runs on every request.
 */
final class SecurityHeaders {
  private SecurityHeaders() {
  }

  private static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
  private static final CharSequence X_FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
  private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
  private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
  private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
  private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

  /** Adds them to a response that has none of them yet (cheaper than replacing). */
  static void apply(MultiMap headers) {
    headers.add(X_CONTENT_TYPE_OPTIONS, NOSNIFF)
        .add(X_FRAME_OPTIONS, DENY)
        .add(REFERRER_POLICY, NO_REFERRER)
        .add(HttpHeaders.CACHE_CONTROL, NO_STORE);
  }

  /** Adds them unless the request guard already did (a request can fail before it runs). */
  static void ensure(MultiMap headers) {
    if (!headers.contains(X_CONTENT_TYPE_OPTIONS)) {
      apply(headers);
    }
  }
}
