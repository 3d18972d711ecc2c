package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.message.StoreStatus;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup recovery, backups, rotation and restore, on real files. */
class RecoveryAndBackupTest {
  @TempDir
  Path dir;
  Vertx vertx;
  StoreFixture store;

  @BeforeEach
  void start() {
    vertx = TestVertx.strict();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private void restart() {
    Await.result(vertx.close());
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
  }

  @Test
  void aCorruptUserFileIsMovedAsideAndTheNewestValidBackupRestored() throws Exception {
    store = StoreFixture.start(vertx, dir);
    store.patch(new JsonObject().put("alarm_volume", 61));
    store.call(ConfigClient::createBackup);
    store.patch(new JsonObject().put("alarm_volume", 62));
    Await.result(vertx.close());
    Files.writeString(dir.resolve("test.json"), "{\"alarm_volume\": 63, \"_meta\": {\"revision\": 2}, trunc");

    restart();
    ConfigSnapshot s = store.load();
    assertEquals(61, s.get("alarm_volume"), "the newest valid backup");
    assertEquals(3, s.revision(), "revisions never repeat: after the damaged file's revision 2");
    StoreStatus status = store.call(ConfigClient::status);
    assertFalse(status.degraded());
    assertTrue(status.recoveredFrom().startsWith("backups/r0000000001-"), status.recoveredFrom());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> corrupt = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("test.json.corrupt-")).toList();
      assertEquals(1, corrupt.size(), "kept, never deleted");
      assertTrue(Files.readString(dir.resolve(corrupt.get(0))).endsWith("trunc"));
    }
    assertEquals(3, new JsonObject(Files.readString(dir.resolve("test.json"))).getJsonObject("_meta").getLong("revision"));
  }

  @Test
  void aFileThatBreaksTheSchemaIsRecoveredTooAndWithoutBackupTheStoreIsDegraded() throws Exception {
    Files.writeString(dir.resolve("test.json"), "{\"alarm_volume\": 500}");
    store = StoreFixture.start(vertx, dir);
    StoreStatus status = store.call(ConfigClient::status);
    assertTrue(status.degraded());
    assertNotNull(status.degradedReason());
    assertEquals(20, store.load().get("alarm_volume"), "the defaults");
    assertFalse(Files.exists(dir.resolve("test.json")));

    assertEquals(1, store.patch(new JsonObject().put("alarm_volume", 30)).revision());
    assertFalse(store.call(ConfigClient::status).degraded(), "the next commit writes a fresh file");
    assertEquals(30, new JsonObject(Files.readString(dir.resolve("test.json"))).getInteger("alarm_volume"));
  }

  @Test
  void restoreCommitsABackupAsANewRevisionAndPublishesIt() {
    store = StoreFixture.start(vertx, dir);
    store.patch(new JsonObject().put("alarm_volume", 71).put("time", "05:55"));
    BackupInfo backup = store.call(ConfigClient::createBackup);
    assertEquals(1, backup.revision());
    store.patch(new JsonObject().put("alarm_volume", 72).putNull("time"));

    ConfigSnapshot restored = store.call(c -> c.restore(backup.id()));
    assertEquals(3, restored.revision(), "history only moves forward");
    assertEquals(71, restored.get("alarm_volume"));
    assertEquals("05:55", restored.get("time"));
    List<BackupInfo> all = store.call(ConfigClient::backups).backups();
    assertTrue(all.stream().anyMatch(b -> b.revision() == 2), "a backup of revision 2 was taken before the restore");
    long deadline = System.currentTimeMillis() + 5_000;
    while (store.events.stream().noneMatch(e -> e.revision() == 3) && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(store.events.stream().anyMatch(e -> e.revision() == 3 && e.origin().startsWith("restore ")));
  }

  @Test
  void unknownAndMalformedBackupIdsAreClearErrors() {
    store = StoreFixture.start(vertx, dir);
    store.patch(new JsonObject().put("alarm_volume", 71));
    for (String id : List.of("../test", "r0000000001-20260101T000000000Z/../../x", "", "r1-x")) {
      ConfigFailure f = assertInstanceOf(ConfigFailure.class,
          Await.failure(Await.call(store.context, () -> store.client.restore(id))));
      assertEquals(ErrorCode.BAD_REQUEST, f.code(), id);
    }
    ConfigFailure f = assertInstanceOf(ConfigFailure.class, Await.failure(Await.call(store.context,
        () -> store.client.restore("r0000000009-20260101T000000000Z"))));
    assertEquals(ErrorCode.NOT_FOUND, f.code());
    assertEquals(1, store.load().revision());
  }

  @Test
  void backupsRotateKeepingTheNewest() {
    store = StoreFixture.start(vertx, StoreFixture.options(dir).setBackupKeep(3));
    for (int i = 0; i < 5; i++) {
      store.patch(new JsonObject().put("alarm_volume", 80 + i));
      store.call(ConfigClient::createBackup);
    }
    List<BackupInfo> kept = store.call(ConfigClient::backups).backups();
    assertEquals(List.of(5L, 4L, 3L), kept.stream().map(BackupInfo::revision).toList());
    assertTrue(kept.get(0).sizeBytes() > 0);
  }

  @Test
  void aCommitTakesAnHourlyBackupOnceTheNewestIsAnHourOld() {
    Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
    MutableClock clock = new MutableClock(t0);
    store = StoreFixture.start(vertx, StoreFixture.options(dir), clock);
    store.patch(new JsonObject().put("alarm_volume", 41));
    assertEquals(List.of(1L), backupRevisions(), "no backup yet: the first commit takes one");
    clock.set(t0.plus(Duration.ofMinutes(59)));
    store.patch(new JsonObject().put("alarm_volume", 42));
    assertEquals(List.of(1L), backupRevisions());
    clock.set(t0.plus(Duration.ofMinutes(61)));
    store.patch(new JsonObject().put("alarm_volume", 43));
    assertEquals(List.of(3L, 1L), backupRevisions());
  }

  private List<Long> backupRevisions() {
    return store.call(ConfigClient::backups).backups().stream().map(BackupInfo::revision).toList();
  }

  @Test
  void startupTakesABackupOfAnExistingFileButNotOfNothing() {
    store = StoreFixture.start(vertx, dir);
    assertEquals(List.of(), store.call(ConfigClient::backups).backups());
    store.patch(new JsonObject().put("alarm_volume", 33));
    int afterCommit = store.call(ConfigClient::backups).backups().size();
    restart();
    List<BackupInfo> backups = store.call(ConfigClient::backups).backups();
    assertEquals(afterCommit + 1, backups.size());
    assertEquals(1, backups.get(0).revision());
    assertNull(store.call(ConfigClient::status).recoveredFrom());
  }
}
