package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real write fault: the data dir is swapped for a plain file while the owner runs, so the write of
 * the temp file fails (as root, permission bits would not stop us). Every commit of the failed batch
 * fails with STORAGE, nothing is published, reads keep the last durable revision, and once the
 * folder is back the next commit works and continues the revision sequence.
 */
class WriteFaultTest {
  @TempDir
  Path parent;
  Path dir;
  Vertx vertx;
  StoreFixture store;

  @BeforeEach
  void start() throws Exception {
    dir = Files.createDirectory(parent.resolve("data"));
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void aFailedWriteRollsBackAndTheStoreRecoversWhenTheFaultClears() throws Exception {
    store.patch(new JsonObject().put("alarm_volume", 40));
    int eventsBefore = store.events.size();

    Path moved = parent.resolve("moved");
    Files.move(dir, moved);
    Files.writeString(dir, "a file where the folder should be");

    ConfigFailure f = assertInstanceOf(ConfigFailure.class, store.patchFailure(new JsonObject().put("alarm_volume", 41)));
    assertEquals(ErrorCode.STORAGE, f.code());
    assertEquals(1, store.load().revision());
    assertEquals(40, Await.on(store.context, () -> store.client.load(1)).get("alarm_volume"));
    assertEquals(1, store.call(ConfigClient::status).storageFailuresTotal());

    Files.delete(dir);
    Files.move(moved, dir);
    assertEquals(2, store.patch(new JsonObject().put("alarm_volume", 42)).revision());
    assertEquals(42, new JsonObject(Files.readString(dir.resolve("test.json"))).getInteger("alarm_volume"));
    Thread.sleep(200); // events are published asynchronously: give a wrong one time to show up
    assertEquals(eventsBefore + 1, store.events.size(), "no event for the failed commit");
    assertEquals(2, store.events.get(store.events.size() - 1).revision());
  }
}
