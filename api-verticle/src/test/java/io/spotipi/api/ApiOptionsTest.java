package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiOptionsTest {
  @Test
  void defaults() {
    ApiOptions o = ApiOptions.fromJson(new JsonObject());
    assertEquals("0.0.0.0", o.host());
    assertEquals(5001, o.port());
    assertNull(o.apiToken());
    assertEquals(List.of(), o.corsOrigins());
    assertEquals(List.of(), o.allowedHosts());
    assertNull(o.hostName(), "read from the machine at start");
    assertEquals(new RateLimiter.Limits(600, 6000), o.rateLimit());
    assertEquals(15, o.heartbeatSeconds());
  }

  @Test
  void everyKeyIsRead() {
    ApiOptions o = ApiOptions.fromJson(new JsonObject().put("host", "127.0.0.1").put("port", 0).put("apiToken", "t")
        .put("corsOrigins", new JsonArray().add("http://a")).put("trustedProxies", new JsonArray().add("10.0.0.0/8"))
        .put("rateLimit", "off").put("eventLoopThreads", 4).put("workerThreads", 20).put("heartbeatSeconds", 1)
        .put("allowedHosts", new JsonArray().add("spotipi.local")).put("hostName", "spotipi"));
    assertEquals("127.0.0.1", o.host());
    assertEquals(0, o.port());
    assertEquals("t", o.apiToken());
    assertEquals(List.of("http://a"), o.corsOrigins());
    assertEquals(List.of("10.0.0.0/8"), o.trustedProxies());
    assertNull(o.rateLimit());
    assertEquals(4, o.eventLoopThreads());
    assertEquals(20, o.workerThreads());
    assertEquals(1, o.heartbeatSeconds());
    assertEquals(List.of("spotipi.local"), o.allowedHosts());
    assertEquals("spotipi", o.hostName());
    assertNull(ApiOptions.fromJson(new JsonObject().put("apiToken", "")).apiToken(), "empty token = unset");
  }

  @Test
  void badValuesNameTheKey() {
    for (JsonObject bad : List.of(new JsonObject().put("port", 70000), new JsonObject().put("rateLimit", "fast"),
        new JsonObject().put("trustedProxies", new JsonArray().add("proxy.lan")),
        new JsonObject().put("corsOrigins", new JsonArray().add(3)), new JsonObject().put("port", "5001x"),
        new JsonObject().put("allowedHosts", new JsonArray().add("pi.local:5001")))) {
      assertThrows(IllegalArgumentException.class, () -> ApiOptions.fromJson(bad), bad.encode());
    }
  }
}
