package io.spotipi.config.storage;

import io.spotipi.config.apply.CommitPipeline;
import io.spotipi.config.apply.StoreState;
import io.spotipi.shared.message.BackupInfo;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the store backs itself up: at startup when a file exists, on demand, before a restore
 * replaces the document, and after a commit once the newest backup is more than an hour old. Every
 * backup deletes all but the newest {@code keep}.
 */
public final class BackupPolicy {
  private static final Logger log = LoggerFactory.getLogger(BackupPolicy.class);
  static final Duration HOURLY = Duration.ofHours(1);

  private final LocalStore store;
  private final int keep;
  private final Clock clock;
  private Instant lastBackupAt;

  public BackupPolicy(LocalStore store, int keep, Clock clock) {
    this.store = store;
    this.keep = keep;
    this.clock = clock;
  }

  /** The startup backup, and where the hourly clock starts: at the newest backup in the folder. */
  public Future<Void> atStartup() {
    Future<?> startup = store.hadFile() ? backup("startup", store.onDisk()) : Future.succeededFuture();
    return startup.compose(b -> store.listBackups()).map(all -> {
      lastBackupAt = all.isEmpty() ? null : all.get(0).createdAt();
      return null;
    });
  }

  public Future<BackupInfo> onDemand(StoreState s) {
    return backup("on demand", s);
  }

  public Future<BackupInfo> beforeRestore(StoreState s) {
    return backup("before restore", s);
  }

  /** A step of publishing: the hourly backup, once the newest is older than an hour. */
  public void afterCommit(CommitPipeline.Committed c) {
    StoreState s = c.state();
    if (lastBackupAt == null || Duration.between(lastBackupAt, clock.instant()).compareTo(HOURLY) > 0) {
      backup("hourly", s).onFailure(e -> log.warn("revision {}: hourly backup failed: {}", s.revision(), e.toString()));
    }
  }

  private Future<BackupInfo> backup(String reason, StoreState s) {
    Instant now = clock.instant();
    lastBackupAt = now;
    return store.backup(s, now, keep)
        .onSuccess(info -> log.info("revision {}: {} backup {}", s.revision(), reason, info.id()));
  }
}
