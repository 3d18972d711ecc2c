package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The "bad input and abuse" list: each gets a clear 4xx and the store's revision does not move. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  ApiServer api;
  long revision;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = ApiServer.start(dir, new JsonObject().put("rateLimit", "off"));
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @BeforeEach
  void rememberRevision() {
    revision = api.revision();
  }

  @AfterEach
  void revisionUnchanged() {
    assertEquals(revision, api.revision(), "a rejected request changed the store");
  }

  private HttpResponse<Buffer> send(HttpMethod m, String path, String contentType, String body) {
    return api.send(api.request(m, path), contentType, body);
  }

  @Test
  void malformedJsonIs400() {
    for (String body : List.of("{", "{\"alarm_volume\":}", "{'a':1}", "{\"a\":1}}", "nul", "{\"a\":1} {\"b\":2}")) {
      assertProblem(send(HttpMethod.PATCH, "/api/config", "application/merge-patch+json", body), 400);
      assertProblem(send(HttpMethod.PUT, "/api/config", "application/json", body), 400);
      assertProblem(send(HttpMethod.PUT, "/api/config/time", "application/json", body), 400);
      assertProblem(send(HttpMethod.PUT, "/api/alarm", "application/json", body), 400);
    }
  }

  @Test
  void anEmptyBodyIs400() {
    assertProblem(send(HttpMethod.PATCH, "/api/config", "application/json", ""), 400);
    assertProblem(send(HttpMethod.PUT, "/api/config/time", "application/json", ""), 400);
  }

  @Test
  void theWrongJsonTypeForTheRouteIs400Or422() {
    for (String notAnObject : List.of("[1,2]", "42", "\"x\"", "true", "null")) {
      assertProblem(send(HttpMethod.PUT, "/api/config", "application/json", notAnObject), 400);
      assertProblem(send(HttpMethod.PATCH, "/api/config", "application/json", notAnObject), 400);
      assertProblem(send(HttpMethod.PUT, "/api/alarm", "application/json", notAnObject), 400);
    }
    assertProblem(send(HttpMethod.PUT, "/api/config/alarm_volume", "application/json", "true"), 422);
    assertProblem(send(HttpMethod.PATCH, "/api/config", "application/json", "{\"weekdays\":\"Mon\"}"), 422);
    assertProblem(send(HttpMethod.PUT, "/api/alarm", "application/json", "{\"alarm_volume\":\"x\"}"), 422);
    JsonObject foreign = assertProblem(send(HttpMethod.PUT, "/api/alarm", "application/json", "{\"debug\":true}"), 422);
    assertEquals("debug", foreign.getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void aWrongOrMissingContentTypeIs415() {
    for (String type : new String[] {null, "text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
      assertProblem(send(HttpMethod.PATCH, "/api/config", type, "{\"alarm_volume\":5}"), 415);
      assertProblem(send(HttpMethod.PUT, "/api/config", type, "{\"alarm_volume\":5}"), 415);
      assertProblem(send(HttpMethod.PUT, "/api/config/alarm_volume", type, "5"), 415);
      assertProblem(send(HttpMethod.PUT, "/api/alarm", type, "{\"alarm_volume\":5}"), 415);
    }
    assertProblem(send(HttpMethod.PUT, "/api/config", "application/merge-patch+json", "{}"), 415);
    assertProblem(send(HttpMethod.POST, "/save_alarm", "application/json", "{\"time\":\"7:00\"}"), 415);
    assertProblem(send(HttpMethod.POST, "/save_alarm", null, "time=7:00"), 415);
  }

  /** Issue 19: an empty boundary made the body decoder throw, answered 500. */
  @Test
  void aMultipartFormWithAnEmptyBoundaryIs400() {
    JsonObject p = assertProblem(send(HttpMethod.POST, "/save_alarm", "multipart/form-data; boundary=",
        "--\r\nContent-Disposition: form-data; name=\"time\"\r\n\r\n7:00\r\n----"), 400);
    assertTrue(p.getString("detail").contains("boundary"), p.encode());
  }

  /** Forms that are not quite forms: none may commit what survived of it (Netty's decoder let these through). */
  @Test
  void aMalformedFormIs4xxAndCommitsNothing() {
    String valid = "--xx\r\nContent-Disposition: form-data; name=\"time\"\r\n\r\n7:00\r\n"
        + "--xx\r\nContent-Disposition: form-data; name=\"alarm_volume\"\r\n\r\n40\r\n";
    String multipart = "multipart/form-data; boundary=xx";
    String urlencoded = "application/x-www-form-urlencoded";
    record Case(String type, String body, int status) {
    }
    for (Case c : List.of(
        new Case(multipart, valid + "--xx\r\nContent-Disposition: form-data; name=\"device_name\"\r\n\r\nKitch", 400),
        new Case(multipart, valid, 400),
        new Case(multipart, valid + "--xx\r\nContent-Disposition: form-data; name=\"time\"\r\n\r\n8:00\r\n--xx--", 400),
        new Case("multipart/form-data; boundary=yy", valid + "--xx--", 400),
        new Case("multipart/form-data", "time=7:00&alarm_volume=40", 400),
        new Case(multipart + "; charset=nope", valid + "--xx--", 415),
        new Case(urlencoded, "time=7:00&alarm_volume=40&time=8:00", 400),
        new Case(urlencoded, "time=7:00&alarm_volume=40&device_name=%C3%28", 400),
        new Case(urlencoded, "time=7:00&alarm_volume=40&device_name=%zz", 400),
        new Case(urlencoded, "time=7:00&alarm_volume=40&device_name=%", 400),
        new Case(urlencoded, "time=7:00&alarm_volume=40" + IntStream.range(0, 5000).mapToObj(i -> "&x" + i + "=1")
            .collect(Collectors.joining()), 400),
        new Case(urlencoded + "; charset=iso-8859-1", "time=7:00&alarm_volume=40", 415))) {
      assertProblem(send(HttpMethod.POST, "/save_alarm", c.type(), c.body()), c.status());
    }
  }

  /**
   * A form's media type on a JSON route is refused before the body is read: the body handler used to
   * hand it to the form decoder first, which threw on an empty boundary (500).
   */
  @Test
  void aFormMediaTypeOnAJsonRouteIs415() {
    for (String type : List.of("multipart/form-data; boundary=", "multipart/form-data; charset=nope",
        "application/x-www-form-urlencoded; charset=nope")) {
      assertProblem(send(HttpMethod.PATCH, "/api/config", type, "{}"), 415);
      assertProblem(send(HttpMethod.PUT, "/api/config", type, "{}"), 415);
      assertProblem(send(HttpMethod.PUT, "/api/config/time", type, "\"7:00\""), 415);
      assertProblem(send(HttpMethod.PUT, "/api/alarm", type, "{}"), 415);
    }
  }

  @Test
  void aQueryParameterGivenTwiceIs400() {
    assertProblem(api.get("/api/config/history?limit=5&limit=6"), 400);
  }

  @Test
  void aBodyOver64KiBIs413() {
    String big = "{\"device_name\":\"" + "x".repeat(RequestBody.LIMIT_BYTES) + "\"}";
    HttpResponse<Buffer> r = send(HttpMethod.PATCH, "/api/config", "application/json", big);
    assertProblem(r, 413);
    assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
    assertProblem(send(HttpMethod.POST, "/save_alarm", "application/x-www-form-urlencoded",
        "time=7:00&device_name=" + "x".repeat(RequestBody.LIMIT_BYTES)), 413);
  }

  @Test
  void aChunkedBodyOver64KiBIs413Too() throws Exception {
    String[] chunks = new String[72];
    chunks[0] = "{\"device_name\":\"";
    for (int i = 1; i < 71; i++) {
      chunks[i] = "y".repeat(1024);
    }
    chunks[71] = "\"}";
    RawHttp.Answer a = RawHttp.exchange(api.port, RawHttp.chunked("PATCH", "/api/config", "application/json", chunks),
        10_000);
    assertEquals(413, a.status());
    assertEquals(Problem.MEDIA_TYPE, a.header("content-type"));
    assertEquals(413, new JsonObject(a.body()).getInteger("status"));
  }

  @Test
  void aMalformedIfMatchIs400() {
    for (String tag : List.of("5", "W/\"0\"", "\"a\"", "\"0\", \"1\"", "\"-1\"", "\"")) {
      assertProblem(api.send(api.request(HttpMethod.PATCH, "/api/config").putHeader("If-Match", tag),
          "application/json", "{\"alarm_volume\":5}"), 400);
      assertProblem(api.send(api.request(HttpMethod.PUT, "/api/config").putHeader("If-Match", tag),
          "application/json", "{}"), 400);
      assertProblem(api.send(api.request(HttpMethod.PUT, "/api/config/alarm_volume").putHeader("If-Match", tag),
          "application/json", "5"), 400);
      assertProblem(api.send(api.request(HttpMethod.DELETE, "/api/config/alarm_volume").putHeader("If-Match", tag)),
          400);
    }
  }

  @Test
  void anUnknownPathIsA404Problem() {
    for (String path : List.of("/nope", "/api", "/api/configs", "/api/config/time/extra", "/api/backups/x",
        "/api/thread-safety", "/metrics/x")) {
      HttpResponse<Buffer> r = api.get(path);
      assertProblem(r, 404);
      assertEquals("DENY", r.getHeader("X-Frame-Options"), path);
    }
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    record Case(HttpMethod method, String path, String allow) {
    }
    for (Case c : List.of(new Case(HttpMethod.DELETE, "/api/config", "GET, PUT, PATCH"),
        new Case(HttpMethod.POST, "/api/config", "GET, PUT, PATCH"),
        new Case(HttpMethod.PUT, "/api/config/schema", "GET"),
        new Case(HttpMethod.DELETE, "/api/config/history", "GET"),
        new Case(HttpMethod.POST, "/api/config/events", "GET"),
        new Case(HttpMethod.PATCH, "/api/config/time", "GET, PUT, DELETE"),
        new Case(HttpMethod.DELETE, "/api/backups", "GET, POST"),
        new Case(HttpMethod.GET, "/api/backups/r0000000001-20260101T000000000Z/restore", "POST"),
        new Case(HttpMethod.GET, "/api/thread-safety/invalidate-cache", "POST"),
        new Case(HttpMethod.POST, "/api/thread-safety/status", "GET"),
        new Case(HttpMethod.DELETE, "/api/alarm", "GET, PUT"),
        new Case(HttpMethod.GET, "/api/alarm/trigger", "POST"),
        new Case(HttpMethod.GET, "/save_alarm", "POST"),
        new Case(HttpMethod.POST, "/api/spotify/status", "GET"),
        new Case(HttpMethod.GET, "/api/spotify/credentials", "PUT, DELETE"),
        new Case(HttpMethod.GET, "/api/spotify/authorize", "POST"),
        new Case(HttpMethod.PUT, "/api/spotify/callback", "POST, GET"),
        new Case(HttpMethod.POST, "/api/devices", "GET"),
        new Case(HttpMethod.POST, "/healthz", "GET"),
        new Case(HttpMethod.PUT, "/readyz", "GET"),
        new Case(HttpMethod.DELETE, "/metrics", "GET"),
        new Case(HttpMethod.HEAD, "/api/config", "GET, PUT, PATCH"))) {
      HttpResponse<Buffer> r = api.send(api.request(c.method(), c.path()));
      assertEquals(405, r.statusCode(), c.toString());
      assertEquals(c.allow(), r.getHeader("Allow"), c.toString());
      if (c.method() != HttpMethod.HEAD) {
        assertProblem(r, 405);
      }
    }
  }

  @Test
  void aMalformedLastEventIdIs400() {
    for (String id : List.of("x", "-1", "1.5", "99999999999999999999")) {
      assertProblem(api.send(api.request(HttpMethod.GET, "/api/config/events").putHeader("Last-Event-ID", id)), 400);
    }
  }
}
