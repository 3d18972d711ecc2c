package io.spotipi.config.storage;

import io.spotipi.config.apply.ConfigRules;
import io.spotipi.config.apply.InternalState;
import io.spotipi.config.apply.StoreState;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.BackupInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copy of the store in the data dir. Every file operation runs on one worker thread of
 * its own, in submission order, never on an event loop; the futures complete on the caller's context.
 * It knows the newest states on disk (the user's config and the internal state) and whether the
 * store runs degraded (its file was unusable and no backup could take its place), which the next
 * write ends.
 */
public final class LocalStore {
  private static final Logger log = LoggerFactory.getLogger(LocalStore.class);

  private final FileStore files;
  private final WorkerExecutor disk;
  private final ConfigRules rules;
  private final boolean hadFile;
  private final String recoveredFrom;
  private String degradedReason;
  private StoreState onDisk;
  private InternalState internalOnDisk;

  private LocalStore(FileStore files, WorkerExecutor disk, StartupLoader.Loaded loaded) {
    this.files = files;
    this.disk = disk;
    this.rules = loaded.rules();
    this.hadFile = loaded.hasFile();
    this.recoveredFrom = loaded.recoveredFrom();
    this.degradedReason = loaded.degradedReason();
    this.onDisk = loaded.state();
    this.internalOnDisk = loaded.internal();
  }

  /** Loads (and if need be recovers) the data dir {@code dir} holding {@code <env>.json}. */
  public static Future<LocalStore> open(Vertx vertx, String workerName, Path dir, String env, Clock clock) {
    FileStore files = new FileStore(dir, env);
    WorkerExecutor disk = vertx.createSharedWorkerExecutor(workerName, 1);
    // The schema compiles on the worker too: its first use loads many classes, too slow for an event loop.
    return disk.executeBlocking(() -> new StartupLoader(files, clock).load(), true).map(loaded -> {
      LocalStore store = new LocalStore(files, disk, loaded);
      log.info("revision {}: store loaded from {}{}", store.onDisk.revision(), files.primary(),
          store.degraded() ? " (degraded)" : store.recoveredFrom != null ? " (recovered from " + store.recoveredFrom + ")" : "");
      return store;
    });
  }

  /** The rules over this data dir's defaults. */
  public ConfigRules rules() {
    return rules;
  }

  /** The newest state on this node's disk (the durable state while this node owns the store). */
  public StoreState onDisk() {
    return onDisk;
  }

  /** The newest internal state on this node's disk. */
  public InternalState internalOnDisk() {
    return internalOnDisk;
  }

  /** Whether startup found a user file (or restored one from a backup). */
  public boolean hadFile() {
    return hadFile;
  }

  public Path dir() {
    return files.dir();
  }

  public boolean degraded() {
    return degradedReason != null;
  }

  public String degradedReason() {
    return degradedReason;
  }

  /** The backup startup restored the store from, or null. */
  public String recoveredFrom() {
    return recoveredFrom;
  }

  /** Writes {@code state} as the user's file, atomically and durably. */
  public Future<Void> persist(StoreState state) {
    return this.<Void>onWorker(() -> {
      files.writePrimary(StoredFile.encode(state));
      return null;
    }).onSuccess(v -> {
      onDisk = state;
      if (degradedReason != null) {
        log.info("revision {}: fresh {} written, store no longer degraded", state.revision(), files.primary());
        degradedReason = null;
      }
    });
  }

  /** Writes the internal state's file, atomically and durably, readable by the owner only. */
  public Future<Void> persistState(InternalState state) {
    return this.<Void>onWorker(() -> {
      files.writeState(StateFile.encode(state));
      return null;
    }).onSuccess(v -> internalOnDisk = state);
  }

  /** Every backup, newest first. */
  public Future<List<BackupInfo>> listBackups() {
    return onWorker(files::listBackups);
  }

  /** Backs up a durable state, then deletes all but the newest {@code keep} backups. */
  public Future<BackupInfo> backup(StoreState s, Instant now, int keep) {
    return onWorker(() -> {
      BackupInfo info = files.createBackup(s.revision(), StoredFile.encode(s), now);
      files.rotateBackups(keep);
      return info;
    });
  }

  /**
   * A backup's contents.
   *
   * @return fails with BAD_REQUEST or NOT_FOUND for a bad id, INVALID for a malformed file
   */
  public Future<StoredFile.Contents> readBackup(String id) {
    return onWorker(() -> StoredFile.decode(files.readBackup(id))).recover(err -> Future.failedFuture(
        err instanceof DecodeException
            ? new ConfigFailure(ErrorCode.INVALID, "backup " + id + " is malformed: " + err.getMessage())
            : err));
  }

  /** Releases the worker thread (after a drain of the pipeline: nothing is left to write). */
  public Future<Void> close() {
    return disk.close();
  }

  private <T> Future<T> onWorker(Callable<T> work) {
    return disk.executeBlocking(work, true);
  }
}
