package io.spotipi.config.storage;

import io.spotipi.config.apply.InternalState;
import io.spotipi.config.apply.StoreState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
  @TempDir
  Path dir;

  @Test
  void atomicWritesLeaveNoTempFileBehind() throws Exception {
    FileStore files = new FileStore(dir, "prod");
    files.writePrimary(Buffer.buffer("{\"a\":1}"));
    files.writePrimary(Buffer.buffer("{\"a\":2}"));
    assertEquals("{\"a\":2}", Files.readString(dir.resolve("prod.json")));
    try (var all = Files.list(dir)) {
      assertEquals(List.of("prod.json"), all.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void backupIdsSortByRevisionThenTimeAndCollisionsTakeTheNextMillisecond() throws Exception {
    FileStore files = new FileStore(dir, "prod");
    Instant t = Instant.parse("2026-11-26T10:00:00Z");
    files.createBackup(9, Buffer.buffer("{}"), t.plusSeconds(60));
    files.createBackup(10, Buffer.buffer("{}"), t);
    BackupInfo same = files.createBackup(10, Buffer.buffer("{}"), t);
    assertEquals("r0000000010-20261126T100000001Z", same.id());
    assertEquals(List.of("r0000000010-20261126T100000001Z", "r0000000010-20261126T100000000Z",
        "r0000000009-20261126T100100000Z"), files.listBackups().stream().map(BackupInfo::id).toList());
    assertEquals(2, files.rotateBackups(1));
    assertEquals(1, files.listBackups().size());
  }

  @Test
  void backupIdsOutsideThePatternNeverReachTheFileSystem() throws Exception {
    Files.writeString(dir.resolve("secret.json"), "{}");
    FileStore files = new FileStore(dir, "prod");
    for (String id : new String[] {"../secret", "..", "r0000000001-20261126T100000000Z/..", null, "R0000000001-20261126T100000000Z"}) {
      assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ConfigFailure.class, () -> files.readBackup(id)).code());
    }
    assertEquals(ErrorCode.NOT_FOUND,
        assertThrows(ConfigFailure.class, () -> files.readBackup("r0000000001-20261126T100000000Z")).code());
  }

  @Test
  void storedFilesKeepRevisionAndUserKeysTogether() {
    StoreState s = new StoreState(42, new JsonObject(), new JsonObject().put("alarm_volume", 5),
        Instant.parse("2026-11-26T10:00:00Z"));
    StoredFile.Contents c = StoredFile.decode(StoredFile.encode(s));
    assertEquals(42, c.revision());
    assertEquals(s.savedAt(), c.savedAt());
    assertEquals(s.overrides(), c.overrides());
    assertEquals(0, StoredFile.decode(Buffer.buffer("{\"time\":\"06:00\"}")).revision());
    for (String bad : new String[] {"[]", "{", "{\"_meta\": 3}", "{\"_meta\": {\"revision\": -1}}",
        "{\"_meta\": {\"revision\": 1, \"saved_at\": \"yesterday\"}}"}) {
      assertThrows(DecodeException.class, () -> StoredFile.decode(Buffer.buffer(bad)), bad);
    }
  }

  @Test
  void theStateFileIsOwnerOnlyEvenOverAStaleTempFileAndKeepsItsSections() throws Exception {
    Path stale = dir.resolve(".prod.state.json.tmp");
    Files.writeString(stale, "left by a crash");
    Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-rw-rw-"));
    FileStore files = new FileStore(dir, "prod");
    InternalState state = InternalState.EMPTY.with("scheduler", new JsonObject().put("last_fired_by", "n1"),
        Instant.parse("2026-11-26T10:00:00Z")).withEpoch(3);
    files.writeState(StateFile.encode(state));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("prod.state.json"))));
    assertFalse(Files.exists(stale));
    InternalState back = StateFile.decode(files.readState().orElseThrow());
    assertEquals(state, back);
    assertEquals(1, back.section("scheduler").revision());
    for (String bad : new String[] {"[]", "{\"sections\": 1}", "{\"sections\": {\"s\": {\"revision\": 1}}}",
        "{\"sections\": {\"s\": {\"revision\": -1, \"value\": {}}}}", "{\"secret-token-abc"}) {
      DecodeException e = assertThrows(DecodeException.class, () -> StateFile.decode(Buffer.buffer(bad)), bad);
      assertFalse(e.getMessage().contains("secret-token"), e.getMessage());
    }
  }

  @Test
  void aDamagedFileStillShowsItsRevisionWhenTheTextHasIt() {
    assertEquals(17, StartupLoader.salvageRevision(Buffer.buffer("{\"a\":1,\"_meta\":{\"revision\":17,\"saved_at\":\"x")));
    assertEquals(0, StartupLoader.salvageRevision(Buffer.buffer("garbage")));
  }

  @Test
  void diskWorkOnAnEventLoopIsRefused() {
    Vertx vertx = Vertx.vertx();
    try {
      FileStore files = new FileStore(dir, "prod");
      Throwable t = Await.failure(Await.call(vertx.getOrCreateContext(), () -> {
        try {
          files.writePrimary(Buffer.buffer("{}"));
          return Future.succeededFuture();
        } catch (IOException | RuntimeException e) {
          return Future.failedFuture(e);
        }
      }));
      assertTrue(t.getMessage().contains("event loop"), t.getMessage());
      assertFalse(Files.exists(dir.resolve("prod.json")));
    } finally {
      Await.result(vertx.close());
    }
  }
}
