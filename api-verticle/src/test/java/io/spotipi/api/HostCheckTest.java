package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.testing.LogLines;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: DNS rebinding. A page on {@code attacker.example} whose name now resolves to this server
 * sends {@code Host: attacker.example} with a matching {@code Origin}; it used to read everything and
 * set the alarm. Every route but {@code /healthz} refuses it (421), token or not.
 */
class HostCheckTest {
  private static final String ATTACKER = "attacker.example";
  private static final String ALARM = "{\"" + ConfigKeys.ENABLED + "\":true,\"" + ConfigKeys.TIME + "\":\"03:00\"}";
  private static final List<String> READS = List.of("/api/config", "/api/config/" + ConfigKeys.TIME,
      "/api/config/schema", "/api/config/history", "/api/config/events", "/api/backups", "/api/alarm",
      "/api/thread-safety/status", "/readyz", "/metrics", "/nope");

  @TempDir
  Path dir;
  /** The server of the test running; closed after it. */
  private ApiServer api;

  private void start(JsonObject options) {
    api = ApiServer.start(dir, options);
  }

  @AfterEach
  void closeServer() {
    Optional.ofNullable(api).ifPresent(ApiServer::close);
  }

  /** A request as the rebinding page's browser makes it: its own name in Host and Origin. */
  private HttpRequest<Buffer> from(String host, HttpMethod method, String path) {
    return api.request(method, path).virtualHost(host).putHeader("Origin", "http://" + host + ":" + api.port);
  }

  private HttpResponse<Buffer> putAlarm(String host) {
    return api.send(from(host, HttpMethod.PUT, "/api/alarm"), "application/json", ALARM);
  }

  /** The same change through the config (these servers run no scheduler to answer PUT /api/alarm). */
  private HttpResponse<Buffer> patchAlarm(HttpRequest<Buffer> req) {
    return api.send(req, "application/merge-patch+json", ALARM);
  }

  @Test
  void aForeignHostIs421OnEveryRouteButHealthzAndChangesNothing() {
    start(new JsonObject().put("rateLimit", "off").put("hostName", "spotipi"));
    long rev = api.revision();
    assertEquals(200, api.get("/api/config").statusCode(), "warms the near cache: the next GET skips the router");
    assertProblem(api.send(from(ATTACKER, HttpMethod.GET, "/api/config")), 421);
    JsonObject p = assertProblem(putAlarm(ATTACKER), 421);
    assertTrue(p.getString("detail").contains(ATTACKER), p.encode());
    assertProblem(api.send(from(ATTACKER, HttpMethod.POST, "/save_alarm"), "application/x-www-form-urlencoded",
        "time=03:00&alarm_volume=90&enabled=on"), 421);
    assertProblem(api.send(from(ATTACKER, HttpMethod.DELETE, "/api/config/" + ConfigKeys.TIME)), 421);
    assertProblem(api.send(from(ATTACKER, HttpMethod.POST, "/api/alarm/trigger")), 421);
    for (String path : READS) {
      assertProblem(api.send(from(ATTACKER, HttpMethod.GET, path)), 421);
    }
    assertProblem(api.send(from("spotipi.attacker.example", HttpMethod.GET, "/api/config")), 421);
    assertEquals(200, api.send(from(ATTACKER, HttpMethod.GET, "/healthz")).statusCode());
    assertEquals(rev, api.revision());
  }

  @Test
  void theCheckStaysOnWithAToken() {
    start(new JsonObject().put("apiToken", "s3cret").put("hostName", "spotipi"));
    long rev = api.revision();
    HttpResponse<Buffer> r = api.send(from(ATTACKER, HttpMethod.PUT, "/api/alarm")
        .putHeader("Authorization", "Bearer s3cret"), "application/json", ALARM);
    assertProblem(r, 421);
    assertProblem(api.send(from(ATTACKER, HttpMethod.GET, "/api/config")), 421);
    assertEquals(rev, api.revision());
  }

  @Test
  void addressesLocalhostTheMachinesNamesAndConfiguredNamesAreAnswered() {
    start(new JsonObject().put("rateLimit", "off").put("hostName", "spotipi")
        .put("allowedHosts", new JsonArray().add("alarm.example.lan")));
    for (String host : List.of("127.0.0.1", "localhost", "LocalHost.", "spotipi", "spotipi.local", "SPOTIPI.LOCAL.",
        "alarm.example.lan")) {
      assertEquals(200, api.send(from(host, HttpMethod.GET, "/api/config")).statusCode(), host);
      assertEquals(200, api.send(from(host, HttpMethod.GET, "/api/config/" + ConfigKeys.TIME)).statusCode(), host);
      assertEquals(200, patchAlarm(from(host, HttpMethod.PATCH, "/api/config")).statusCode(), host);
    }
    for (String host : List.of("[::1]:" + api.port, "127.0.0.1", "spotipi.local:80")) {
      RawHttp.Answer a = raw("GET /api/config HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
      assertEquals(200, a.status(), host);
    }
  }

  @Test
  void theMachinesOwnNameIsAnsweredByDefault() {
    String name = ApiVerticle.machineName();
    org.junit.jupiter.api.Assumptions.assumeTrue(name != null && AllowedHosts.isValidEntry(name), "no host name");
    start(new JsonObject());
    String label = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    for (String host : List.of(name, label + ".local")) {
      assertEquals(200, api.send(from(host, HttpMethod.GET, "/api/config")).statusCode(), host);
    }
    assertProblem(api.send(from(ATTACKER, HttpMethod.GET, "/api/config")), 421);
  }

  @Test
  void starTurnsTheCheckOff() {
    start(new JsonObject().put("allowedHosts", new JsonArray().add("*")));
    assertEquals(200, patchAlarm(from(ATTACKER, HttpMethod.PATCH, "/api/config")).statusCode());
  }

  @Test
  void aMissingOrMalformedHostIs400() {
    start(new JsonObject());
    for (String head : List.of("GET /api/config HTTP/1.1\r\n", "GET /api/config HTTP/1.1\r\nHost: a b\r\n",
        "GET /api/config HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n", "GET /api/config HTTP/1.1\r\nHost: [::1\r\n")) {
      RawHttp.Answer a = raw(head + "Connection: close\r\n\r\n");
      assertEquals(400, a.status(), head);
      assertEquals(Problem.MEDIA_TYPE, a.header("content-type"), head);
    }
  }

  /** A mutation without Origin, from a page elsewhere (older browsers, some form posts): its Referer tells. */
  @Test
  void aMutationWithAForeignRefererAndNoOriginIs403() {
    start(new JsonObject());
    long rev = api.revision();
    assertProblem(api.send(api.request(HttpMethod.PUT, "/api/alarm").putHeader("Referer", "http://evil.example/page"),
        "application/json", ALARM), 403);
    assertProblem(patchAlarm(api.request(HttpMethod.PATCH, "/api/config").putHeader("Referer", "http://evil.example/")),
        403);
    assertEquals(rev, api.revision());
    HttpResponse<Buffer> own = patchAlarm(api.request(HttpMethod.PATCH, "/api/config")
        .putHeader("Referer", "http://127.0.0.1:" + api.port + "/"));
    assertEquals(200, own.statusCode(), own.bodyAsString());
  }

  @Test
  void refusalsAreLoggedOnceAMinutePerClient() {
    try (LogLines lines = LogLines.of(ApiVerticle.class)) {
      start(new JsonObject().put("rateLimit", "off"));
      for (int i = 0; i < 50; i++) {
        assertProblem(api.send(from(ATTACKER, HttpMethod.GET, "/api/config")), 421);
      }
      List<String> refused = lines.messages().stream().filter(m -> m.startsWith("refused ")).toList();
      assertEquals(1, refused.size(), refused::toString);
      assertTrue(refused.get(0).startsWith("refused GET /api/config from 127.0.0.1: 421 this server does not answer"
          + " to the host name in Host: " + ATTACKER + ":" + api.port), refused.get(0));
    }
  }

  private RawHttp.Answer raw(String request) {
    try {
      return RawHttp.exchange(api.port, request.getBytes(StandardCharsets.ISO_8859_1), 5_000);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
