package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ConfigRoutesTest {
  @TempDir
  Path dir;
  ApiServer api;

  @BeforeEach
  void start() {
    api = ApiServer.start(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String etag(long revision) {
    return "\"" + revision + "\"";
  }

  @Test
  void getReturnsTheEffectiveConfigWithItsETagAndNoMeta() {
    HttpResponse<Buffer> r = api.get("/api/config");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.getHeader("Content-Type"));
    assertEquals(etag(api.revision()), r.getHeader("ETag"));
    JsonObject config = r.bodyAsJsonObject();
    assertEquals("07:00", config.getString("time"));
    assertEquals(20, config.getInteger("alarm_volume"));
    assertFalse(config.containsKey("_meta"));
    assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
    assertEquals("DENY", r.getHeader("X-Frame-Options"));
    assertEquals("no-referrer", r.getHeader("Referrer-Policy"));
    assertEquals("no-store", r.getHeader("Cache-Control"));
  }

  @Test
  void ifNoneMatchWithTheCurrentETagIs304() {
    String tag = api.get("/api/config").getHeader("ETag");
    HttpResponse<Buffer> r = api.send(api.request(HttpMethod.GET, "/api/config").putHeader("If-None-Match", tag));
    assertEquals(304, r.statusCode());
    assertEquals(tag, r.getHeader("ETag"));
    HttpResponse<Buffer> stale = api.send(api.request(HttpMethod.GET, "/api/config").putHeader("If-None-Match",
        "\"999\""));
    assertEquals(200, stale.statusCode());
  }

  @Test
  void getAfterAWriteServesTheNewRevision() {
    long before = api.revision();
    api.send(api.request(HttpMethod.PATCH, "/api/config"), "application/merge-patch+json", "{\"alarm_volume\":33}");
    HttpResponse<Buffer> r = api.get("/api/config");
    assertEquals(etag(before + 1), r.getHeader("ETag"));
    assertEquals(33, r.bodyAsJsonObject().getInteger("alarm_volume"));
  }

  @Test
  void patchMergesAndAnswersTheNewDocumentAndETag() {
    long before = api.revision();
    HttpResponse<Buffer> r = api.send(api.request(HttpMethod.PATCH, "/api/config"), "application/merge-patch+json",
        "{\"alarm_volume\":55,\"time\":\"6:30\"}");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(etag(before + 1), r.getHeader("ETag"));
    assertEquals(55, r.bodyAsJsonObject().getInteger("alarm_volume"));
    assertEquals("6:30", r.bodyAsJsonObject().getString("time"));
    HttpResponse<Buffer> plain = api.json(HttpMethod.PATCH, "/api/config", "{\"shuffle\":true}");
    assertEquals(200, plain.statusCode(), "application/json is accepted for a merge patch too");
    assertEquals(55, plain.bodyAsJsonObject().getInteger("alarm_volume"));
    assertEquals(before + 2, api.revision());
  }

  @Test
  void putReplacesTheWholeUserConfigAndLeftOutKeysFallBackToDefaults() {
    api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":55,\"shuffle\":true}");
    HttpResponse<Buffer> r = api.json(HttpMethod.PUT, "/api/config", "{\"time\":\"8:15\"}");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject doc = r.bodyAsJsonObject();
    assertEquals("8:15", doc.getString("time"));
    assertEquals(20, doc.getInteger("alarm_volume"));
    assertEquals(false, doc.getBoolean("shuffle"));
  }

  @Test
  void ifMatchWithTheCurrentRevisionCommits() {
    long rev = api.revision();
    HttpResponse<Buffer> r = api.send(api.request(HttpMethod.PATCH, "/api/config").putHeader("If-Match", etag(rev)),
        "application/merge-patch+json", "{\"alarm_volume\":44}");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(etag(rev + 1), r.getHeader("ETag"));
  }

  @Test
  void aStaleIfMatchIs412WithTheCurrentETagAndChangesNothing() {
    long old = api.revision();
    api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":41}");
    long now = api.revision();
    for (HttpMethod m : new HttpMethod[] {HttpMethod.PATCH, HttpMethod.PUT}) {
      HttpResponse<Buffer> r = api.send(api.request(m, "/api/config").putHeader("If-Match", etag(old)),
          "application/json", "{\"alarm_volume\":99}");
      assertProblem(r, 412);
      assertEquals(etag(now), r.getHeader("ETag"));
      assertEquals(api.get("/api/config").bodyAsJsonObject(), r.bodyAsJsonObject().getJsonObject("current"),
          "a 412 carries the document its ETag names");
    }
    HttpResponse<Buffer> key = api.send(api.request(HttpMethod.PUT, "/api/config/alarm_volume")
        .putHeader("If-Match", etag(old)), "application/json", "99");
    assertProblem(key, 412);
    assertProblem(api.send(api.request(HttpMethod.DELETE, "/api/config/alarm_volume").putHeader("If-Match",
        etag(old))), 412);
    assertEquals(now, api.revision());
    assertEquals(41, api.get("/api/config").bodyAsJsonObject().getInteger("alarm_volume"));
  }

  @Test
  void anInvalidDocumentIs422WithEveryFieldErrorAndChangesNothing() {
    long rev = api.revision();
    HttpResponse<Buffer> r = api.json(HttpMethod.PATCH, "/api/config",
        "{\"alarm_volume\":101,\"time\":\"25:00\",\"log_level\":\"LOUD\"}");
    JsonObject p = assertProblem(r, 422);
    JsonArray errors = p.getJsonArray("errors");
    String fields = errors.encode();
    assertTrue(fields.contains("alarm_volume") && fields.contains("time") && fields.contains("log_level"), fields);
    errors.forEach(e -> assertTrue(((JsonObject) e).containsKey("message")));
    assertProblem(api.json(HttpMethod.PATCH, "/api/config", "{\"_meta\":{\"revision\":1}}"), 422);
    assertProblem(api.json(HttpMethod.PUT, "/api/config/_meta", "{\"revision\":1}"), 422);
    assertEquals(rev, api.revision());
  }

  @Test
  void oneKeyCanBeReadWrittenAndReset() {
    HttpResponse<Buffer> get = api.get("/api/config/time");
    assertEquals(200, get.statusCode());
    assertEquals("\"07:00\"", get.bodyAsString());
    assertEquals("null", api.get("/api/config/weekdays").bodyAsString(), "defaulted to null is still a key");

    long rev = api.revision();
    HttpResponse<Buffer> put = api.json(HttpMethod.PUT, "/api/config/weekdays", "[0,2,4]");
    assertEquals(200, put.statusCode(), put.bodyAsString());
    assertEquals(etag(rev + 1), put.getHeader("ETag"));
    assertEquals(new JsonArray("[0,2,4]"), put.bodyAsJsonArray());

    HttpResponse<Buffer> extra = api.json(HttpMethod.PUT, "/api/config/my_tool_setting", "{\"x\":1}");
    assertEquals(200, extra.statusCode(), "unknown keys are allowed and kept");
    assertEquals(new JsonObject().put("x", 1), api.get("/api/config/my_tool_setting").bodyAsJsonObject());

    HttpResponse<Buffer> del = api.send(api.request(HttpMethod.DELETE, "/api/config/weekdays"));
    assertEquals(200, del.statusCode(), del.bodyAsString());
    assertEquals(etag(rev + 3), del.getHeader("ETag"));
    assertEquals("null", del.bodyAsString());
  }

  /** Issue 19: the commit removed the key, so the DELETE succeeded; it used to answer 404. */
  @Test
  void deletingASetKeyWithoutADefaultRemovesItWith200() {
    long rev = api.revision();
    assertEquals(200, api.json(HttpMethod.PUT, "/api/config/my_key", "\"x\"").statusCode());
    HttpResponse<Buffer> del = api.send(api.request(HttpMethod.DELETE, "/api/config/my_key"));
    assertEquals(200, del.statusCode(), del.bodyAsString());
    assertEquals(etag(rev + 2), del.getHeader("ETag"));
    assertEquals("null", del.bodyAsString(), "no value left");
    assertEquals(rev + 2, api.revision());
    assertProblem(api.get("/api/config/my_key"), 404);
    assertFalse(api.get("/api/config").bodyAsJsonObject().containsKey("my_key"));
    assertProblem(api.send(api.request(HttpMethod.DELETE, "/api/config/my_key")), 404);
    assertEquals(rev + 2, api.revision(), "deleting what is gone changes nothing");
  }

  /** The same removal by {@code PUT null}, an RFC 7396 reset of that one key. */
  @Test
  void puttingNullOnAKeyWithoutADefaultRemovesItWith200() {
    long rev = api.revision();
    assertEquals(200, api.json(HttpMethod.PUT, "/api/config/my_key", "5").statusCode());
    HttpResponse<Buffer> put = api.json(HttpMethod.PUT, "/api/config/my_key", "null");
    assertEquals(200, put.statusCode(), put.bodyAsString());
    assertEquals(etag(rev + 2), put.getHeader("ETag"));
    assertProblem(api.get("/api/config/my_key"), 404);
  }

  @Test
  void anUnknownKeyIs404ForReadAndDelete() {
    long rev = api.revision();
    assertProblem(api.get("/api/config/no_such_key"), 404);
    assertProblem(api.send(api.request(HttpMethod.DELETE, "/api/config/no_such_key")), 404);
    assertEquals(rev, api.revision());
  }

  @Test
  void aKeyWithTheWrongTypeIs422() {
    long rev = api.revision();
    JsonObject p = assertProblem(api.json(HttpMethod.PUT, "/api/config/alarm_volume", "\"loud\""), 422);
    assertTrue(p.getJsonArray("errors").encode().contains("alarm_volume"));
    assertEquals(rev, api.revision());
  }

  @Test
  void schemaIsServed() {
    HttpResponse<Buffer> r = api.get("/api/config/schema");
    assertEquals(200, r.statusCode());
    assertEquals("application/schema+json", r.getHeader("Content-Type"));
    assertTrue(r.bodyAsJsonObject().getJsonObject("properties").containsKey("alarm_volume"));
  }

  @Test
  void historyListsTheNewestCommitsNewestFirst() {
    for (int v = 1; v <= 5; v++) {
      api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":" + v + "}");
    }
    long rev = api.revision();
    HttpResponse<Buffer> r = api.get("/api/config/history?limit=3");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray entries = r.bodyAsJsonArray();
    assertEquals(3, entries.size());
    JsonObject newest = entries.getJsonObject(0);
    assertEquals(rev, newest.getLong("revision"));
    assertEquals(rev - 2, entries.getJsonObject(2).getLong("revision"));
    assertEquals(new JsonArray().add("alarm_volume"), newest.getJsonArray("changed_keys"));
    assertEquals("http PATCH 127.0.0.1", newest.getString("origin"));
    assertTrue(newest.containsKey("at"));
    for (String bad : new String[] {"0", "-1", "x", "1001", "99999999999"}) {
      assertProblem(api.get("/api/config/history?limit=" + bad), 400);
    }
  }
}
