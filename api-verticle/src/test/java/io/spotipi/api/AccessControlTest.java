package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Token, LAN trust, Origin, X-Forwarded-For, rate limits and CORS, each on a server configured for it. */
@ExtendWith(VertxExtension.class)
class AccessControlTest {
  @TempDir
  Path dir;
  ApiServer api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private HttpResponse<Buffer> patch(HttpRequest<Buffer> req) {
    return api.send(req, "application/merge-patch+json", "{\"alarm_volume\":30}");
  }

  private HttpRequest<Buffer> patchRequest() {
    return api.request(HttpMethod.PATCH, "/api/config");
  }

  @Test
  void withATokenEveryMutationNeedsTheBearerButReadsDoNot() {
    api = ApiServer.start(dir, new JsonObject().put("apiToken", "s3cret"));
    long rev = api.revision();
    HttpResponse<Buffer> none = patch(patchRequest());
    assertProblem(none, 401);
    assertEquals("Bearer", none.getHeader("WWW-Authenticate"));
    assertProblem(patch(patchRequest().putHeader("Authorization", "Bearer wrong")), 401);
    assertProblem(patch(patchRequest().putHeader("Authorization", "Basic czNjcmV0")), 401);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/backups")), 401);
    assertProblem(api.send(api.request(HttpMethod.DELETE, "/api/config/time")), 401);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/thread-safety/invalidate-cache")), 401);
    assertProblem(api.send(api.request(HttpMethod.POST, "/save_alarm"), "application/x-www-form-urlencoded",
        "time=7:00&alarm_volume=5"), 401);
    assertProblem(api.send(api.request(HttpMethod.PUT, "/api/spotify/credentials"), "application/json",
        "{\"client_id\":\"id\",\"client_secret\":\"secret\"}"), 401);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/spotify/authorize"), "application/json",
        "{\"redirect_uri\":\"https://attacker.example/cb\"}"), 401);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/alarm/trigger")), 401);
    assertEquals(rev, api.revision());

    assertEquals(200, api.get("/api/config").statusCode());
    assertEquals(200, patch(patchRequest().putHeader("Authorization", "Bearer s3cret")).statusCode());
    assertEquals(rev + 1, api.revision());
  }

  @Test
  void withoutATokenOnlyPrivateNetworkClientsMayMutate() {
    api = ApiServer.start(dir, new JsonObject().put("trustedProxies", new JsonArray().add("127.0.0.1")));
    long rev = api.revision();
    assertProblem(patch(patchRequest().putHeader("X-Forwarded-For", "8.8.8.8")), 403);
    assertProblem(patch(patchRequest().putHeader("X-Forwarded-For", "192.168.1.9, 203.0.113.5")), 403);
    assertEquals(rev, api.revision());
    assertEquals(200, api.send(api.request(HttpMethod.GET, "/api/config").putHeader("X-Forwarded-For", "8.8.8.8"))
        .statusCode(), "reads are open");

    assertEquals(200, patch(patchRequest().putHeader("X-Forwarded-For", "192.168.1.9")).statusCode());
    JsonObject newest = api.get("/api/config/history?limit=1").bodyAsJsonArray().getJsonObject(0);
    assertEquals("http PATCH 192.168.1.9", newest.getString("origin"), "the forwarded client is recorded");
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() {
    api = ApiServer.start(dir);
    assertEquals(200, patch(patchRequest().putHeader("X-Forwarded-For", "8.8.8.8")).statusCode());
    JsonObject newest = api.get("/api/config/history?limit=1").bodyAsJsonArray().getJsonObject(0);
    assertEquals("http PATCH 127.0.0.1", newest.getString("origin"));
  }

  @Test
  void aForeignBrowserOriginMayNotMutate() {
    api = ApiServer.start(dir, new JsonObject().put("corsOrigins", new JsonArray().add("http://dashboard.lan")));
    long rev = api.revision();
    assertProblem(patch(patchRequest().putHeader("Origin", "http://evil.example")), 403);
    assertProblem(patch(patchRequest().putHeader("Origin", "null")), 403);
    assertEquals(rev, api.revision());
    HttpResponse<Buffer> own = patch(patchRequest().putHeader("Origin", "http://127.0.0.1:" + api.port));
    assertEquals(200, own.statusCode(), own.bodyAsString());
    assertNull(own.getHeader("Access-Control-Allow-Origin"), "same origin needs no CORS header");
    HttpResponse<Buffer> listed = patch(patchRequest().putHeader("Origin", "http://dashboard.lan"));
    assertEquals(200, listed.statusCode());
    assertEquals("http://dashboard.lan", listed.getHeader("Access-Control-Allow-Origin"));
    assertTrue(listed.getHeader("Access-Control-Expose-Headers").contains("ETag"));
  }

  @Test
  void aCorsPreflightIsAnswered() {
    api = ApiServer.start(dir, new JsonObject().put("corsOrigins", new JsonArray().add("http://dashboard.lan")));
    HttpResponse<Buffer> r = api.send(api.request(HttpMethod.OPTIONS, "/api/config")
        .putHeader("Origin", "http://dashboard.lan").putHeader("Access-Control-Request-Method", "PATCH"));
    assertEquals(204, r.statusCode());
    assertEquals("http://dashboard.lan", r.getHeader("Access-Control-Allow-Origin"));
    assertEquals("GET, PUT, PATCH", r.getHeader("Access-Control-Allow-Methods"));
    assertTrue(r.getHeader("Access-Control-Allow-Headers").contains("If-Match"));
  }

  @Test
  void overTheMutationLimitIs429WithRetryAfter() {
    api = ApiServer.start(dir, new JsonObject().put("rateLimit", "3,1000"));
    long rev = api.revision();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, patch(patchRequest()).statusCode(), "mutation " + i);
    }
    HttpResponse<Buffer> r = patch(patchRequest());
    assertProblem(r, 429);
    assertTrue(Long.parseLong(r.getHeader("Retry-After")) >= 1, r.getHeader("Retry-After"));
    assertEquals(rev + 3, api.revision());
    assertEquals(200, api.get("/api/config").statusCode(), "reads have their own bucket");
  }

  @Test
  void overTheReadLimitIs429AndClientsAreLimitedSeparately() {
    api = ApiServer.start(dir, new JsonObject().put("rateLimit", "1000,5")
        .put("trustedProxies", new JsonArray().add("127.0.0.1")));
    for (int i = 0; i < 5; i++) {
      assertEquals(200, api.get("/healthz").statusCode(), "read " + i);
    }
    HttpResponse<Buffer> r = api.get("/api/config");
    assertProblem(r, 429);
    long retry = Long.parseLong(r.getHeader("Retry-After"));
    assertTrue(retry >= 1 && retry <= 12, "one read per 12 s at 5/min, got " + retry);
    assertEquals(200, api.send(api.request(HttpMethod.GET, "/healthz").putHeader("X-Forwarded-For", "10.0.0.7"))
        .statusCode(), "another client has its own bucket");
  }

  @Test
  void rateLimitingCanBeTurnedOff() {
    api = ApiServer.start(dir, new JsonObject().put("rateLimit", "off"));
    for (int i = 0; i < 200; i++) {
      assertEquals(200, api.get("/api/config").statusCode());
    }
  }
}
