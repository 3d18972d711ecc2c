package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class EventsTest {
  @TempDir
  Path dir;
  ApiServer api;

  @AfterEach
  void stop() {
    api.close();
  }

  private void commitVolume(int v) {
    assertEquals(200, api.json(HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":" + v + "}").statusCode());
  }

  private static List<Long> ids(SseClient c) {
    return c.events().stream().map(e -> e.getLong("id")).toList();
  }

  @Test
  void oneEventPerCommitWithTheRevisionAsId() {
    api = ApiServer.start(dir);
    long rev = api.revision();
    try (SseClient watcher = SseClient.connect(api, null)) {
      assertEquals(200, watcher.response.statusCode());
      assertTrue(watcher.response.getHeader("Content-Type").startsWith("text/event-stream"));
      watcher.await(() -> watcher.raw().startsWith(":"), "the opening comment");
      for (int v = 1; v <= 3; v++) {
        commitVolume(v);
      }
      watcher.awaitEvents(3);
      assertEquals(List.of(rev + 1, rev + 2, rev + 3), ids(watcher));
      JsonObject data = watcher.events().get(0).getJsonObject("data");
      assertEquals(rev + 1, data.getLong("revision"));
      assertEquals(new JsonArray().add("alarm_volume"), data.getJsonArray("changed_keys"));
      assertEquals("http PATCH 127.0.0.1", data.getString("origin"));
    }
  }

  @Test
  void lastEventIdReplaysTheCommitsAfterItThenGoesLiveWithoutDuplicates() {
    api = ApiServer.start(dir);
    long rev = api.revision();
    for (int v = 1; v <= 4; v++) {
      commitVolume(v);
    }
    try (SseClient watcher = SseClient.connect(api, rev + 1)) {
      watcher.awaitEvents(3);
      commitVolume(50);
      watcher.awaitEvents(4);
      assertEquals(List.of(rev + 2, rev + 3, rev + 4, rev + 5), ids(watcher));
    }
  }

  @Test
  void aLastEventIdAheadOfTheStoreGetsAResyncAndThenEveryNewCommit() {
    api = ApiServer.start(dir);
    long rev = api.revision();
    try (SseClient watcher = SseClient.connect(api, rev + 100)) {
      watcher.awaitEvents(1);
      assertResync(watcher.events().get(0), rev);
      commitVolume(9);
      watcher.awaitEvents(2);
      assertEquals(rev + 1, watcher.events().get(1).getLong("id"));
    }
  }

  /** The history is in memory: after a restart of the owner it starts empty. */
  @Test
  void commitsNoLongerInTheHistoryAreAnnouncedAsAResync() {
    api = ApiServer.start(dir);
    long rev = api.revision();
    commitVolume(11);
    commitVolume(12);
    api.restartConfigOwner(dir);
    try (SseClient empty = SseClient.connect(api, rev)) {
      empty.awaitEvents(1);
      assertResync(empty.events().get(0), rev + 2);
      commitVolume(13);
      empty.awaitEvents(2);
      assertEquals(rev + 3, empty.events().get(1).getLong("id"));
    }
    try (SseClient gap = SseClient.connect(api, rev)) {
      gap.awaitEvents(2);
      assertResync(gap.events().get(0), rev + 2);
      assertEquals(rev + 3, gap.events().get(1).getLong("id"), "then the commit the history still has");
    }
  }

  private static void assertResync(JsonObject event, long revision) {
    assertEquals("resync", event.getString("event"), event.encode());
    assertEquals(null, event.getValue("id"), "a resync moves no Last-Event-ID");
    assertEquals(revision, event.getJsonObject("data").getLong("revision"));
    assertTrue(event.getJsonObject("data").getString("detail").contains("GET /api/config"), event.encode());
  }

  @Test
  void heartbeatsKeepTheStreamAlive() {
    api = ApiServer.start(dir, new JsonObject().put("heartbeatSeconds", 1));
    try (SseClient watcher = SseClient.connect(api, null)) {
      watcher.await(() -> watcher.raw().contains(": heartbeat\n\n"), "a heartbeat comment");
    }
  }

  @Test
  void manyWatchersEachGetEveryEventAndLeaveCleanly() {
    api = ApiServer.start(dir);
    long rev = api.revision();
    List<SseClient> watchers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      watchers.add(SseClient.connect(api, null));
    }
    assertEquals(40, listeners());
    commitVolume(7);
    commitVolume(8);
    for (SseClient w : watchers) {
      w.awaitEvents(2);
      assertEquals(LongStream.rangeClosed(rev + 1, rev + 2).boxed().toList(), ids(w));
    }
    watchers.forEach(SseClient::close);
    SseClient probe = watchers.get(0);
    probe.await(() -> listeners() == 0, "closed watchers are forgotten");
  }

  private int listeners() {
    return api.get("/api/thread-safety/status").bodyAsJsonObject().getJsonObject("thread_safety_stats")
        .getInteger("change_listeners_count");
  }
}
