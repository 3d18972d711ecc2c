package io.spotipi.api;

import io.spotipi.shared.ConfigSnapshot;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Successful responses with a JSON body, and the config snapshot with its entity tag. */
final class Replies {
  private Replies() {
  }

  static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
  /**
   * Response header of a read answered from what this node last knew while no config owner answered
   * (a failover, or no owner at all), value {@code true}: the store may hold something newer.
   */
  static final String STALE = "SpotiPi-Stale";

  static void json(RoutingContext rc, int status, Buffer body) {
    json(rc.response().setStatusCode(status), body);
  }

  static void json(HttpServerResponse resp, Buffer body) {
    resp.putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end(body);
  }

  /** Any JSON value (records through the contract's mapper's shapes are already JsonObjects). */
  static void json(RoutingContext rc, int status, Object value) {
    json(rc, status, Json.encodeToBuffer(value));
  }

  /** Marks a response stale (see {@link #STALE}) when it is; a mark once set stays. */
  static void stale(HttpServerResponse resp, boolean stale) {
    if (stale) {
      resp.putHeader(STALE, "true");
    }
  }

  /** The whole config: its cached bytes and ETag; to a GET, 304 when the client's copy is current. */
  static void snapshot(HttpServerRequest req, ConfigSnapshot s) {
    String etag = s.etag();
    HttpServerResponse resp = req.response().putHeader(HttpHeaders.ETAG, etag);
    stale(resp, s.stale());
    if (req.method() == HttpMethod.GET && Preconditions.noneMatchHits(req.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      resp.setStatusCode(304).end();
    } else {
      json(resp, s.json());
    }
  }
}
