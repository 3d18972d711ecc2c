package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotipi.config.apply.InternalState;
import io.spotipi.config.storage.StateFile;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedulers' bookkeeping kept three keys in the user's config before the internal state: an
 * old data dir moves them on start, and they stay out of the config (commits, restores) afterwards.
 */
class LegacyBookkeepingTest {
  static final Instant FIRED = Instant.parse("2026-11-30T06:00:00Z");
  static final Instant PLANNED = FIRED.plusSeconds(86_400);

  @TempDir
  Path dir;
  Vertx vertx;
  StoreFixture store;

  @BeforeEach
  void vertx() {
    vertx = TestVertx.strict();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  /** A user's file as the scheduler left it before the internal state, at revision 5. */
  private void oldUserFile() throws Exception {
    Files.writeString(dir.resolve("test.json"), new JsonObject().put("alarm_volume", 33)
        .put(SchedulerState.PLANNED_OCCURRENCE, PLANNED.toString())
        .put(SchedulerState.LAST_FIRED_OCCURRENCE, FIRED.toString()).put(SchedulerState.LAST_FIRED_BY, "old/1")
        .put("_meta", new JsonObject().put("revision", 5)).encodePrettily());
  }

  private SchedulerState scheduler() {
    return SchedulerState.fromJson(store.state(c -> c.load(StateSections.SCHEDULER)).value());
  }

  private void assertNoBookkeeping(JsonObject config) {
    for (String key : SchedulerState.FIELDS) {
      assertFalse(config.containsKey(key), key + ": " + config.encode());
    }
  }

  @Test
  void anOldDataDirMovesTheKeysIntoTheStateOnStart() throws Exception {
    oldUserFile();
    store = StoreFixture.start(vertx, dir);
    ConfigSnapshot config = store.load();
    assertEquals(6, config.revision(), "the user's document changed: a new revision");
    assertEquals(33, config.get("alarm_volume"));
    assertNoBookkeeping(config.config());
    assertNoBookkeeping(new JsonObject(Files.readString(dir.resolve("test.json"))));
    assertEquals(new SchedulerState(PLANNED, FIRED, "old/1", null), scheduler());

    Await.result(vertx.close()); // a second start has nothing to move and changes nothing
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
    assertEquals(6, store.load().revision());
    assertEquals(1, store.state(c -> c.load(StateSections.SCHEDULER)).revision());
  }

  /** A crash after the state was written but before the user's file was: the state wins, the keys go. */
  @Test
  void aMoveCutShortByACrashIsFinishedAndTheStateWins() throws Exception {
    oldUserFile();
    SchedulerState newer = new SchedulerState(null, PLANNED, "new/1", null);
    Files.write(dir.resolve("test.state.json"), StateFile.encode(new InternalState(3,
        Map.of(StateSections.SCHEDULER, new InternalState.Section(3, newer.toJson())), FIRED, 0)).getBytes());
    store = StoreFixture.start(vertx, dir);
    assertNoBookkeeping(store.load().config());
    StateDocument doc = store.state(c -> c.load(StateSections.SCHEDULER));
    assertEquals(3, doc.revision());
    assertEquals(newer, SchedulerState.fromJson(doc.value()));
  }

  @Test
  void unreadableOldKeysAreDroppedNotMoved() throws Exception {
    Files.writeString(dir.resolve("test.json"), new JsonObject().put(SchedulerState.LAST_FIRED_OCCURRENCE, "soon")
        .put(SchedulerState.LAST_FIRED_BY, 7).encode());
    store = StoreFixture.start(vertx, dir);
    assertNoBookkeeping(store.load().config());
    assertEquals(SchedulerState.NONE, scheduler());
  }

  @Test
  void theKeysAreRefusedInACommitAndLeaveTheStoreUnchanged() {
    store = StoreFixture.start(vertx, dir);
    for (String key : SchedulerState.LEGACY_CONFIG_KEYS) {
      ConfigFailure f = assertInstanceOf(ConfigFailure.class,
          store.patchFailure(new JsonObject().put(key, FIRED.toString())));
      assertEquals(ErrorCode.INVALID, f.code());
      assertEquals(key, f.errors().get(0).field());
    }
    assertEquals(0, store.load().revision());
  }

  @Test
  void anOldBackupRestoresWithoutTheKeysAndLeavesTheStateAlone() throws Exception {
    oldUserFile();
    store = StoreFixture.start(vertx, dir);
    SchedulerState before = scheduler();
    Files.createDirectories(dir.resolve("backups"));
    String id = "r0000000004-20261129T060000000Z";
    Files.writeString(dir.resolve("backups").resolve(id + ".json"), new JsonObject().put("alarm_volume", 44)
        .put(SchedulerState.LAST_FIRED_OCCURRENCE, FIRED.minusSeconds(86_400).toString())
        .put("_meta", new JsonObject().put("revision", 4)).encode());
    ConfigSnapshot restored = store.call(c -> c.restore(id));
    assertEquals(44, restored.get("alarm_volume"));
    assertNoBookkeeping(restored.config());
    assertEquals(before, scheduler(), "a restore does not change what the schedulers recorded");
    BackupInfo any = store.call(ConfigClient::backups).backups().get(0);
    assertNoBookkeeping(new JsonObject(Buffer.buffer(Files.readAllBytes(dir.resolve("backups")
        .resolve(any.id() + ".json")))));
  }
}
