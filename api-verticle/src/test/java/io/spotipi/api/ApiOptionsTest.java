package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void whatTheSettersBuildTravelsThroughItsJson() {
    ApiOptions built = new ApiOptions().setHost("127.0.0.1").setPort(5002).setApiToken("t")
        .setCorsOrigins(List.of("https://a.example:8443", "*")).setTrustedProxies(List.of("10.0.0.1", "fd00::/8"))
        .setRateLimit("60,600").setEventLoopThreads(2).setWorkerThreads(5).setHeartbeatSeconds(3);
    JsonObject json = built.toJson();
    ApiOptions read = ApiOptions.fromJson(json);
    assertEquals(json, read.toJson());
    assertEquals(List.of("https://a.example:8443", "*"), read.corsOrigins());
    assertEquals(new RateLimiter.Limits(60, 600), read.rateLimit());
    assertEquals(new ApiOptions().toJson(), ApiOptions.fromJson(new JsonObject()).toJson(), "the defaults");
  }

  @Test
  void originsProxiesAndRateLimitsAreCheckedWhereTheyAreSet() {
    for (String bad : List.of("https://a.example/app", "ftp://a.example", "a.example", "http://u@a.example")) {
      assertThrows(IllegalArgumentException.class, () -> new ApiOptions().setCorsOrigins(List.of(bad)), bad);
      assertFalse(ApiOptions.isOrigin(bad), bad);
    }
    for (String bad : List.of("10.0.0.256", "10.0.0.0/33", "proxy.local", "::1/129", "10.0.0.0/x")) {
      assertThrows(IllegalArgumentException.class, () -> new ApiOptions().setTrustedProxies(List.of(bad)), bad);
      assertFalse(ApiOptions.isTrustedProxy(bad), bad);
    }
    for (String bad : List.of("600", "0,10", "fast", "1,2,3")) {
      assertThrows(IllegalArgumentException.class, () -> new ApiOptions().setRateLimit(bad), bad);
      assertFalse(ApiOptions.isRateLimit(bad), bad);
    }
    assertTrue(ApiOptions.isTrustedProxy("[::1]"));
    assertTrue(ApiOptions.isRateLimit("OFF"));
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
