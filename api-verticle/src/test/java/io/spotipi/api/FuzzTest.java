package io.spotipi.api;

import io.spotipi.shared.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSchema;
import io.spotipi.shared.testing.BadForms;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of generated bad requests: random bytes, truncated JSON, deep nesting, huge numbers, wrong
 * types for every schema field, Unicode oddities, junk headers, broken forms ({@link BadForms}: on the
 * form route mostly, and on the JSON routes, which must refuse a form's media type) and broken HTTP. Each must get a 4xx
 * (or, for bytes that are not HTTP, a closed connection), the revision must not move, and the server
 * must still answer afterwards. The seed is logged, so a failure can be replayed.
 */
@ExtendWith(VertxExtension.class)
class FuzzTest {
  private static final Logger log = LoggerFactory.getLogger(FuzzTest.class);
  private static final int PER_GENERATOR = 450;
  /** Every route that takes a body ({@code time} takes only a string: no generated value is one). */
  private static final List<String> BODY_ROUTES = List.of("PATCH /api/config", "PUT /api/config", "PUT /api/alarm",
      "PUT /api/config/time", "POST /save_alarm");
  private static final List<String> INTEGER_FIELDS = List.of("alarm_volume", "snooze_minutes",
      "snooze_window_minutes", "sleep_volume", "sleep_default_duration");

  @TempDir
  Path dir;

  private ApiServer api;
  private Random random;
  private BadForms forms;
  private int sent;

  /** A bad request and what it is, for the failure message. */
  private record Bad(String what, HttpMethod method, String path, String contentType, Map<String, String> headers,
      Buffer body) {
  }

  @Test
  void onlyClientErrorsNothingCommittedServerStillAnswers() throws IOException {
    long seed = System.nanoTime();
    log.info("fuzz seed {}", seed);
    random = new Random(seed);
    forms = new BadForms(random);
    api = ApiServer.start(dir, new JsonObject().put("rateLimit", "off"));
    try {
      long revision = api.revision();
      List<Bad> cases = new ArrayList<>();
      for (int i = 0; i < PER_GENERATOR; i++) {
        cases.add(randomBytes());
        cases.add(truncatedJson());
        cases.add(deepNesting());
        cases.add(hugeNumber());
        cases.add(unicodeOddity());
        cases.add(junkHeader());
        cases.add(brokenForm());
      }
      cases.addAll(wrongTypesForEveryField());
      for (Bad bad : cases) {
        check(bad);
      }
      for (int i = 0; i < 50; i++) {
        rawGarbage(seed);
      }
      assertTrue(sent >= 3000, "only " + sent + " requests");
      assertEquals(revision, api.revision(), "a bad request reached the store (seed " + seed + ")");
      assertEquals(200, api.get("/api/config").statusCode());
      assertEquals(200, api.get("/healthz").statusCode());
      log.info("fuzz: {} bad requests, all answered 4xx, revision still {}", sent, revision);
    } finally {
      api.close();
    }
  }

  private void check(Bad bad) {
    HttpRequest<Buffer> req = api.request(bad.method(), bad.path());
    bad.headers().forEach(req::putHeader);
    if (bad.contentType() != null) {
      req.putHeader("Content-Type", bad.contentType());
    }
    HttpResponse<Buffer> r = Await.result(req.sendBuffer(bad.body()));
    sent++;
    String body = r.bodyAsString() == null ? "" : r.bodyAsString();
    assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, () -> bad.what() + " → " + r.statusCode() + " " + body);
    assertEquals(Problem.MEDIA_TYPE, r.getHeader("Content-Type"), bad::what);
    assertFalse(body.contains("Exception") || body.contains("\tat "), () -> bad.what() + ": " + body);
  }

  private Bad onRoute(String what, String contentType, Buffer body) {
    String route = BODY_ROUTES.get(random.nextInt(BODY_ROUTES.size()));
    String[] parts = route.split(" ");
    return new Bad(what + " on " + route, HttpMethod.valueOf(parts[0]), parts[1], contentType, Map.of(), body);
  }

  private Bad randomBytes() {
    byte[] b = new byte[1 + random.nextInt(512)];
    random.nextBytes(b);
    b[0] = (byte) "#@!x)]}~\u0001".charAt(random.nextInt(9)); // never a JSON value's first byte
    return onRoute("random bytes", "application/json", Buffer.buffer(b));
  }

  /** A strict prefix of a JSON object is never valid JSON. */
  private Bad truncatedJson() {
    String full = new JsonObject().put("alarm_volume", random.nextInt(101)).put("time", "7:" + (10 + random.nextInt(50)))
        .put("weekdays", new JsonArray().add(1).add(3)).encode();
    return onRoute("truncated JSON", "application/json", Buffer.buffer(full.substring(0, random.nextInt(full.length()))));
  }

  /** Nested arrays under an integer field: too deep for the parser, or the wrong type for the schema. */
  private Bad deepNesting() {
    int depth = 1 + random.nextInt(20_000);
    String field = INTEGER_FIELDS.get(random.nextInt(INTEGER_FIELDS.size()));
    String body = "{\"" + field + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    return onRoute("nesting " + depth + " under " + field, "application/json", Buffer.buffer(body));
  }

  private Bad hugeNumber() {
    String field = INTEGER_FIELDS.get(random.nextInt(INTEGER_FIELDS.size()));
    String[] numbers = {"1e308", "-1e308", "1e400", "-1e400", "1" + "0".repeat(30 + random.nextInt(900)),
        "-" + "9".repeat(20 + random.nextInt(900)), "1" + "0".repeat(5000), Long.MAX_VALUE + "0",
        "0." + "0".repeat(10) + "1e400"};
    String n = numbers[random.nextInt(numbers.length)];
    return onRoute("number " + (n.length() > 20 ? n.substring(0, 20) + "…" : n) + " for " + field,
        "application/json", Buffer.buffer("{\"" + field + "\":" + n + "}"));
  }

  private Bad unicodeOddity() {
    String[] bodies = {
        "{\"device_name\":\"" + "\\u0000" + "\"}",
        "{\"device_name\":\"Kitchen\\u001f\"}",
        "{\"device_name\":\"<script>alert(1)</script>\"}",
        "{\"device_name\":\"\\u007f\"}",
        "{\"device_name\":\"" + "\uD83D\uDE00".repeat(101) + "\"}",
        "{\"time\":\"０７:００\"}",
        "{\"time\":\"7:00\\u200b\"}",
        "{\"time\":\"٠٧:٠٠\"}",
        "{\"playlist_uri\":\"spotify:playlist:37i9dQZF1DXcBWIGoYBM5М\"}",
        "{\"device_name\":\"\\ud800\"}",
        "{\"language\":\"\\udfff x\"}",
        "{\"\\ud800\":1}",
        "{\"timezone\":\"Europe/Vienna\\u0000\"}",
        "{\"log_level\":\"İNFO\"}",
    };
    String pick = bodies[random.nextInt(bodies.length)];
    Buffer body = Buffer.buffer(pick.getBytes(StandardCharsets.UTF_8));
    if (random.nextInt(4) == 0) {
      // bytes that are not UTF-8 at all, inside a string
      body = Buffer.buffer("{\"device_name\":\"").appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF})
          .appendString("\"}");
      pick = "invalid UTF-8";
    }
    return new Bad("unicode " + pick, HttpMethod.PATCH, "/api/config", "application/json", Map.of(), body);
  }

  private Bad brokenForm() {
    BadForms.Form form = forms.next();
    if (random.nextInt(4) > 0) {
      return new Bad("form " + form.kind(), HttpMethod.POST, "/save_alarm", form.contentType(), Map.of(),
          Buffer.buffer(form.body()));
    }
    return onRoute("form " + form.kind(), form.contentType(), Buffer.buffer(form.body()));
  }

  private Bad junkHeader() {
    String body = "{\"alarm_volume\":" + random.nextInt(101) + "}";
    switch (random.nextInt(4)) {
      case 0: {
        String tag = randomToken();
        return new Bad("If-Match " + tag, HttpMethod.PATCH, "/api/config", "application/json",
            Map.of("If-Match", tag), Buffer.buffer(body));
      }
      case 1: {
        String type = randomToken() + "/" + randomToken();
        return new Bad("Content-Type " + type, HttpMethod.PATCH, "/api/config", type, Map.of(), Buffer.buffer(body));
      }
      case 2:
        return new Bad("Last-Event-ID", HttpMethod.GET, "/api/config/events", null,
            Map.of("Last-Event-ID", "x" + randomToken()), Buffer.buffer());
      default: {
        String path = "/api/" + randomToken() + "/" + randomToken();
        return new Bad("path " + path, HttpMethod.PATCH, path, "application/json", Map.of(), Buffer.buffer(body));
      }
    }
  }

  private String randomToken() {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    StringBuilder b = new StringBuilder();
    for (int i = 1 + random.nextInt(12); i > 0; i--) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** For every field of the schema, values it must refuse, on every route that writes it. */
  private List<Bad> wrongTypesForEveryField() {
    JsonObject properties = ConfigSchema.json().getJsonObject("properties");
    List<Bad> out = new ArrayList<>();
    for (String field : properties.fieldNames()) {
      for (Object value : wrongValues(field, properties.getJsonObject(field))) {
        String json = new JsonObject().put(field, value).encode();
        out.add(new Bad(field + "=" + value + " by PATCH", HttpMethod.PATCH, "/api/config", "application/json",
            Map.of(), Buffer.buffer(json)));
        out.add(new Bad(field + "=" + value + " by PUT", HttpMethod.PUT, "/api/config", "application/json", Map.of(),
            Buffer.buffer(json)));
        out.add(new Bad(field + "=" + value + " by key", HttpMethod.PUT, "/api/config/" + field, "application/json",
            Map.of(), Buffer.buffer(io.vertx.core.json.Json.encode(value))));
        if (ConfigKeys.ALARM.contains(field)) {
          out.add(new Bad(field + "=" + value + " by alarm", HttpMethod.PUT, "/api/alarm", "application/json",
              Map.of(), Buffer.buffer(json)));
        }
      }
    }
    return out;
  }

  private static List<Object> wrongValues(String field, JsonObject rule) {
    Object type = rule.getValue("type");
    List<Object> values = new ArrayList<>(List.of(new JsonObject().put("x", 1), 3.5));
    if (!"boolean".equals(type)) {
      values.add(true);
    }
    if (!"string".equals(type)) {
      values.add("x");
    }
    if (!(type instanceof JsonArray)) {
      values.add(new JsonArray().add(1));
    }
    if ("object".equals(type)) {
      values.remove(0);
      values.add(7);
      if (rule.containsKey("additionalProperties")) {
        values.add(new JsonObject().put("k", 1));
      }
    }
    if ("integer".equals(type)) {
      values.add(rule.getInteger("minimum") - 1);
      values.add(rule.getInteger("maximum") + 1);
    }
    if (rule.containsKey("pattern")) {
      values.add("not / matching <>");
    }
    if (rule.containsKey("maxLength")) {
      values.add("x".repeat(rule.getInteger("maxLength") + 1));
    }
    if (rule.containsKey("enum")) {
      values.add("TRACE");
    }
    if (field.equals("weekdays")) {
      values.addAll(List.of(new JsonArray().add(7), new JsonArray().add(-1), new JsonArray().add(1).add(1),
          new JsonArray().add("1")));
    }
    if (field.equals("timezone")) {
      values.addAll(List.of("", "Mars/Olympus", "UTC+25"));
    }
    return values;
  }

  /** Bytes that are not HTTP at all: a 4xx or a closed connection, never a 5xx. */
  private void rawGarbage(long seed) throws IOException {
    byte[] junk = new byte[1 + random.nextInt(300)];
    random.nextBytes(junk);
    byte[][] shapes = {junk, ("GET /api/config HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n").getBytes(),
        ("PATCH /api/config HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            .getBytes(),
        ("GET /api/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(),
        ("GET /api/config HTTP/1.1\r\nHost: x\r\nX: " + "b".repeat(10000) + "\r\n\r\n").getBytes()};
    // Not here: a well-formed request line with an unknown version (HTTP/9.9) gets 501 from Vert.x core
    // itself (Http1xServerRequestHandler), before any handler of ours can answer.
    byte[] request = shapes[random.nextInt(shapes.length)];
    sent++;
    try {
      RawHttp.Answer a = RawHttp.exchange(api.port, request, 5_000);
      assertTrue(a.status() >= 400 && a.status() < 500, () -> "raw garbage " + new String(request, 0, Math.min(60, request.length), java.nio.charset.StandardCharsets.ISO_8859_1) + " → " + a.status() + " (seed " + seed + ")");
    } catch (IOException closed) {
      // refusing to speak to a non-HTTP peer is fine
    }
  }
}
