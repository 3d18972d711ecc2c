package io.spotipi.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * SpotiPi's compare-and-set: {@code GET /api/config} for the counter and its ETag, {@code PATCH} with
 * {@code If-Match}; a 412 carries the ETag and document it lost to ({@code current}), so the retry
 * needs no GET.
 */
final class SpotiPiCas implements CasTarget {
  private static final String PATH = "/api/config";

  private final HttpClient http;
  private final RequestOptions get;
  private final RequestOptions patch;

  SpotiPiCas(HttpClient http, URI base) {
    this.http = http;
    get = CasIncrements.request(base, HttpMethod.GET, PATH);
    patch = CasIncrements.request(base, HttpMethod.PATCH, PATH)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/merge-patch+json");
  }

  @Override
  public Future<Read> read() {
    return http.request(get).compose(req -> req.send()).compose(resp -> resp.body().compose(body ->
        resp.statusCode() == 200
            ? Future.succeededFuture(new Read(resp.getHeader(HttpHeaders.ETAG), counter(new JsonObject(body))))
            : Future.failedFuture("GET answered " + resp.statusCode())));
  }

  /** The body is always read, so the connection goes back to the pool. */
  @Override
  public Future<Attempt> increment(Read read) {
    Buffer body = new JsonObject().put(CasIncrements.COUNTER, read.counter() + 1).toBuffer();
    return http.request(new RequestOptions(patch).putHeader(HttpHeaders.IF_MATCH, read.version()))
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().compose(b -> switch (resp.statusCode()) {
          case 200 -> Future.succeededFuture(Attempt.win());
          case 412 -> Future.succeededFuture(Attempt.lost(lostTo(resp.getHeader(HttpHeaders.ETAG), b)));
          default -> Future.failedFuture("PATCH answered " + resp.statusCode());
        }));
  }

  private static Future<Read> lostTo(String etag, Buffer problem) {
    JsonObject current = new JsonObject(problem).getJsonObject("current");
    return etag == null || current == null
        ? Future.failedFuture("a 412 without the ETag and document it lost to")
        : Future.succeededFuture(new Read(etag, counter(current)));
  }

  private static long counter(JsonObject document) {
    return document.getLong(CasIncrements.COUNTER, 0L);
  }
}
