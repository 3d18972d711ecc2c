package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static io.spotipi.api.ApiServer.assertSameAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/config} answered from the near cache ahead of the router must be the very answer the
 * router gives on a cache miss: status, headers and body, for plain reads, conditional reads, listed
 * origins and the rate limit; and it counts as a cache hit.
 */
@ExtendWith(VertxExtension.class)
class CachedConfigGetTest {
  @TempDir
  Path dir;
  ApiServer api;

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theCachedAnswerIsTheRoutedOne() {
    api = ApiServer.start(dir, new JsonObject().put("corsOrigins", new JsonArray().add("http://dashboard.lan")));
    api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":41}");
    String etag = "\"" + api.revision() + "\"";
    assertSameRoutedAndCached(() -> api.request(HttpMethod.GET, "/api/config"), 200);
    assertSameRoutedAndCached(() -> api.request(HttpMethod.GET, "/api/config").putHeader("If-None-Match", etag), 304);
    assertSameRoutedAndCached(() -> api.request(HttpMethod.GET, "/api/config?pretty=1"), 200);
    assertSameRoutedAndCached(() -> api.request(HttpMethod.GET, "/api/config")
        .putHeader("Origin", "http://dashboard.lan"), 200);
    assertSameRoutedAndCached(() -> api.request(HttpMethod.GET, "/api/config")
        .putHeader("Origin", "http://evil.example"), 200);
  }

  @Test
  void theReadLimitAppliesToCachedAnswers() {
    api = ApiServer.start(dir, new JsonObject().put("rateLimit", "1000,3"));
    assertEquals(200, api.get("/api/config").statusCode(), "routed: fills the cache");
    assertEquals(200, api.get("/api/config").statusCode(), "cached");
    assertEquals(200, api.get("/api/config").statusCode(), "cached");
    HttpResponse<Buffer> limited = api.get("/api/config");
    assertProblem(limited, 429);
    assertEquals("nosniff", limited.getHeader("X-Content-Type-Options"));
    assertEquals(1, limited.headers().getAll("X-Frame-Options").size(), "each header once");
    assertEquals("/api/config", limited.bodyAsJsonObject().getString("instance"));
  }

  @Test
  void cachedAnswersCountAsCacheHits() {
    api = ApiServer.start(dir);
    api.send(api.request(HttpMethod.POST, "/api/thread-safety/invalidate-cache"));
    double hits = metric("spotipi_config_cache_hits_total");
    double misses = metric("spotipi_config_cache_misses_total");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, api.get("/api/config").statusCode());
    }
    assertEquals(misses + 1, metric("spotipi_config_cache_misses_total"), "the first read asks the owner");
    assertEquals(hits + 4, metric("spotipi_config_cache_hits_total"), "the others come from the cache");
  }

  /** Sends the request right after dropping the near cache (routed), then again (cached), and compares. */
  private void assertSameRoutedAndCached(Supplier<HttpRequest<Buffer>> request, int status) {
    api.send(api.request(HttpMethod.POST, "/api/thread-safety/invalidate-cache"));
    HttpResponse<Buffer> routed = api.send(request.get());
    assertSameAnswer(routed, api.send(request.get()), status);
  }

  private double metric(String name) {
    String text = api.get("/metrics").bodyAsString();
    return text.lines().filter(l -> l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
