package io.spotipi.api;

import io.spotipi.shared.testing.Await;
import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigKeys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Backups, status, cache invalidation, health, readiness, metrics and the alarm form. */
@ExtendWith(VertxExtension.class)
class AdminRoutesTest {
  @TempDir
  Path dir;
  ApiServer api;

  @BeforeEach
  void start() {
    api = ApiServer.start(dir, new JsonObject().put("eventLoopThreads", 3).put("workerThreads", 7));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void backupsAreListedCreatedAndRestoredAsANewRevision() {
    assertEquals(200, api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":11}").statusCode());
    HttpResponse<Buffer> created = api.send(api.request(HttpMethod.POST, "/api/backups"));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject backup = created.bodyAsJsonObject();
    String id = backup.getString("id");
    assertEquals("/api/backups/" + id, created.getHeader("Location"));
    assertEquals(api.revision(), backup.getLong("revision"));
    assertTrue(backup.getLong("size_bytes") > 0 && backup.containsKey("created_at"), backup.encode());

    JsonArray list = api.get("/api/backups").bodyAsJsonArray();
    assertTrue(list.stream().anyMatch(b -> ((JsonObject) b).getString("id").equals(id)), list.encode());

    assertEquals(200, api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":99}").statusCode());
    long before = api.revision();
    HttpResponse<Buffer> restored = api.send(api.request(HttpMethod.POST, "/api/backups/" + id + "/restore"));
    assertEquals(200, restored.statusCode(), restored.bodyAsString());
    JsonObject body = restored.bodyAsJsonObject();
    assertTrue(body.getLong("revision") > before, "history only moves forward");
    assertEquals(11, body.getJsonObject("config").getInteger("alarm_volume"));
    assertEquals("\"" + body.getLong("revision") + "\"", restored.getHeader("ETag"));
    assertEquals(11, api.get("/api/config").bodyAsJsonObject().getInteger("alarm_volume"));
  }

  @Test
  void anUnknownBackupIs404AndAMalformedId400() {
    long rev = api.revision();
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/backups/r0000000099-20200101T000000000Z/restore")),
        404);
    for (String bad : List.of("abc", "r0000000001-20200101T000000000Z.json", "..%2F..%2Fetc%2Fpasswd",
        "r0000000001-20200101T000000000Z%2F..", "a..b", "%2E%2E")) {
      HttpResponse<Buffer> r = api.send(api.request(HttpMethod.POST, "/api/backups/" + bad + "/restore"));
      assertTrue(r.statusCode() == 400 || r.statusCode() == 404, bad + " → " + r.statusCode());
      assertProblem(r, r.statusCode());
    }
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/backups/a..b/restore")), 400);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/backups/..%2Fx/restore")), 400);
    assertEquals(rev, api.revision());
  }

  @Test
  void statusHasTheOriginalShapeAndTheFiguresOfThisDesign() {
    api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":12}");
    api.get("/api/config");
    JsonObject body = api.get("/api/thread-safety/status").bodyAsJsonObject();
    JsonObject stats = body.getJsonObject("thread_safety_stats");
    for (String key : List.of("current_thread", "active_threads", "cache_valid", "transaction_history_count",
        "change_listeners_count", "revision", "owner", "commits_total", "conflicts_total", "rejected_total",
        "storage_failures_total", "cache_hit_rate", "commit_latency_ms", "batch_size_avg", "degraded",
        "recovered_from", "event_loop_threads", "worker_threads")) {
      assertTrue(stats.containsKey(key), key + " missing: " + stats.encode());
      assertEquals(stats.getValue(key), body.getValue(key), key + " at the top level too");
    }
    assertEquals(api.revision(), stats.getLong("revision"));
    assertTrue(stats.getLong("commits_total") >= 1);
    assertEquals(3, stats.getInteger("event_loop_threads"));
    assertEquals(7, stats.getInteger("worker_threads"));
    assertFalse(stats.getBoolean("degraded"));
    assertTrue(stats.getJsonObject("commit_latency_ms").containsKey("p99"));
  }

  @Test
  void invalidatingTheCachesKeepsReadsCorrect() {
    api.get("/api/config");
    HttpResponse<Buffer> r = api.send(api.request(HttpMethod.POST, "/api/thread-safety/invalidate-cache"));
    assertEquals(200, r.statusCode());
    assertEquals(new JsonObject().put("invalidated", true), r.bodyAsJsonObject());
    HttpResponse<Buffer> after = api.get("/api/config");
    assertEquals(200, after.statusCode());
    assertEquals("\"" + api.revision() + "\"", after.getHeader("ETag"));
  }

  @Test
  void healthAndReadiness() {
    assertEquals(200, api.get("/healthz").statusCode());
    HttpResponse<Buffer> ready = api.get("/readyz");
    assertEquals(200, ready.statusCode(), ready.bodyAsString());
    Await.result(api.vertx.undeploy(api.configDeployment));
    HttpResponse<Buffer> notReady = api.get("/readyz");
    assertProblem(notReady, 503);
    assertEquals("1", notReady.getHeader("Retry-After"));
    assertEquals(200, api.get("/healthz").statusCode(), "the process still lives");
    HttpResponse<Buffer> write = api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":5}");
    assertProblem(write, 503);
    assertEquals("1", write.getHeader("Retry-After"));
  }

  @Test
  void metricsArePrometheusTextWithConfigHttpAndJvmMeters() {
    api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":13}");
    api.get("/api/config");
    HttpResponse<Buffer> r = api.get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/plain"));
    String text = r.bodyAsString();
    for (String meter : List.of("spotipi_config_commits", "vertx_http_server_requests", "vertx_eventbus",
        "jvm_memory_used_bytes", "jvm_gc")) {
      assertTrue(text.contains(meter), meter + " missing from /metrics");
    }
  }

  @Test
  void theAlarmStatusAndTriggerNeedTheSchedulerAnd503WithoutIt() {
    HttpResponse<Buffer> status = api.get("/api/alarm");
    assertProblem(status, 503);
    assertEquals("1", status.getHeader("Retry-After"));
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/alarm/trigger")), 503);
  }

  @Test
  void saveAlarmWritesEveryAlarmFieldFromTheForm() {
    long rev = api.revision();
    HttpResponse<Buffer> r = api.send(api.request(HttpMethod.POST, "/save_alarm"),
        "application/x-www-form-urlencoded",
        "time=6%3A45&alarm_volume=35&enabled=on&weekdays=%5B0%2C1%2C2%5D&device_name=Kitchen&shuffle=yes");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(rev + 1, r.bodyAsJsonObject().getLong("revision"));
    JsonObject config = api.get("/api/config").bodyAsJsonObject();
    assertEquals("6:45", config.getString("time"));
    assertEquals(35, config.getInteger("alarm_volume"));
    assertEquals(true, config.getBoolean("enabled"));
    assertEquals(new JsonArray("[0,1,2]"), config.getJsonArray("weekdays"));
    assertEquals(true, config.getBoolean("shuffle"));
    assertEquals(false, config.getBoolean("fade_in"), "an unchecked box is false");

    JsonObject p = assertProblem(api.send(api.request(HttpMethod.POST, "/save_alarm"),
        "application/x-www-form-urlencoded", "time=6%3A45&alarm_volume=loud"), 422);
    assertEquals("alarm_volume", p.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertProblem(api.send(api.request(HttpMethod.POST, "/save_alarm"), "application/x-www-form-urlencoded",
        "time=25%3A00&alarm_volume=101"), 422);
    assertEquals(rev + 1, api.revision());
  }

  /** What a browser's {@code FormData} sends: multipart, here encoded by Vert.x's own web client. */
  @Test
  void saveAlarmTakesAMultipartFormToo() {
    long rev = api.revision();
    MultipartForm form = MultipartForm.create().attribute(ConfigKeys.TIME, "5:30")
        .attribute(ConfigKeys.ALARM_VOLUME, "15").attribute(ConfigKeys.DEVICE_NAME, "Küche")
        .attribute(ConfigKeys.ENABLED, "true");
    HttpResponse<Buffer> r = Await.result(api.request(HttpMethod.POST, "/save_alarm").sendMultipartForm(form));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(rev + 1, api.revision());
    JsonObject config = api.get("/api/config").bodyAsJsonObject();
    assertEquals("5:30", config.getString(ConfigKeys.TIME));
    assertEquals("Küche", config.getString(ConfigKeys.DEVICE_NAME));
    assertEquals(15, config.getInteger(ConfigKeys.ALARM_VOLUME));
  }
}
