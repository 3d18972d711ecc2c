package io.spotipi.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node whose config owner is gone with nobody to take over, after every near cache was dropped
 * (what a new owner's takeover does): what the node can answer from its own state stays 200, marked
 * stale; what only an owner knows is 503 with {@code Retry-After}, at once (a single node has no
 * failover to wait for).
 */
class ReadsWithoutOwnerTest {
  private static final Instant MONDAY_0700 = OffsetDateTime.parse("2026-11-30T07:00+01:00").toInstant();
  private static final String STALE = "SpotiPi-Stale";

  @Test
  void readsTheNodeCanAnswerStay200MarkedStaleAndOwnerOnlyReadsAre503(@TempDir Path dataDir) {
    try (SpotiPiStack node = SpotiPiStack.start(dataDir, MONDAY_0700)) {
      readWithoutOwner(node);
    }
  }

  private static void readWithoutOwner(SpotiPiStack node) {
    JsonObject alarm = new JsonObject().put("enabled", true).put("time", "07:30")
        .put("weekdays", new JsonArray(List.of(0, 1, 2, 3, 4, 5, 6))).put("timezone", "Europe/Vienna");
    assertEquals(200, node.putJson("/api/alarm", alarm).statusCode());
    HttpResponse<Buffer> before = node.get("/api/config");
    JsonObject statusBefore = node.alarmStatus();
    assertNull(before.getHeader(STALE));

    node.stopConfigOwner();
    assertEquals(200, node.post("/api/thread-safety/invalidate-cache").statusCode());

    HttpResponse<Buffer> config = node.get("/api/config");
    assertEquals(200, config.statusCode(), config.bodyAsString());
    assertEquals(before.getHeader("ETag"), config.getHeader("ETag"), "the last revision known");
    assertEquals(before.bodyAsJsonObject(), config.bodyAsJsonObject());
    assertEquals("true", config.getHeader(STALE));

    HttpResponse<Buffer> key = node.get("/api/config/time");
    assertEquals(200, key.statusCode(), key.bodyAsString());
    assertEquals("\"07:30\"", key.bodyAsString());
    assertEquals("true", key.getHeader(STALE));

    HttpResponse<Buffer> status = node.get("/api/alarm");
    assertEquals(200, status.statusCode(), status.bodyAsString());
    assertEquals(statusBefore, status.bodyAsJsonObject(), "the scheduler's plan, from its own state");
    assertEquals("true", status.getHeader(STALE));

    for (String path : List.of("/api/config/schema", "/healthz", "/metrics")) {
      assertEquals(200, node.get(path).statusCode(), path);
    }
    for (String path : List.of("/api/config/history", "/api/backups", "/api/thread-safety/status", "/readyz")) {
      assertUnavailable(node.get(path), "GET " + path);
    }
    assertUnavailable(node.putJson("/api/alarm", alarm.put("time", "08:00")), "a commit");
    assertEquals("\"07:30\"", node.get("/api/config/time").bodyAsString(), "nothing committed");
  }

  private static void assertUnavailable(HttpResponse<Buffer> r, String what) {
    assertEquals(503, r.statusCode(), () -> what + ": " + r.bodyAsString());
    assertEquals("application/problem+json", r.getHeader("Content-Type"), what);
    assertEquals("1", r.getHeader("Retry-After"), what);
  }
}
