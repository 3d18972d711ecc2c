package io.spotipi.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotipi.config.cluster.ClusterOwnership;
import io.spotipi.config.cluster.ClusterReplica;
import io.spotipi.config.apply.CommitHistory;
import io.spotipi.config.apply.CommitPipeline;
import io.spotipi.config.apply.ConfigRules;
import io.spotipi.config.apply.ConfigValidator;
import io.spotipi.config.storage.FileStore;
import io.spotipi.config.storage.StartupLoader;
import io.spotipi.config.apply.StoreMetrics;
import io.spotipi.config.apply.StoreState;
import io.spotipi.config.storage.StoredFile;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.EventBusCodecs;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.message.BackupList;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.ConfigDocument;
import io.spotipi.shared.message.HistoryEntry;
import io.spotipi.shared.message.HistoryPage;
import io.spotipi.shared.message.HistoryRequest;
import io.spotipi.shared.message.LoadRequest;
import io.spotipi.shared.message.RestoreRequest;
import io.spotipi.shared.message.StoreStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of the config store: the only code that reads or writes the data dir. Other
 * verticles reach it only over the event bus ({@link Addresses}); its handlers run one at a time on
 * its event loop, and all disk work runs on its own one-thread worker executor, in order.
 */
public class ConfigVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ConfigVerticle.class);
  static final Duration AUTO_BACKUP_EVERY = Duration.ofHours(1);
  private static final long STOP_DRAIN_MS = 10_000;

  private final Clock clock;
  private ConfigVerticleOptions options;
  private FileStore files;
  private WorkerExecutor disk;
  private CommitPipeline pipeline;
  private ClusterOwnership ownership;
  private ConfigRules rules;
  private StoreMetrics metrics;
  private final List<MessageConsumer<Object>> handlers = new ArrayList<>();
  /** The newest state on this node's disk (the pipeline's durable state while this node owns the store). */
  private StoreState onDisk;
  private final CommitHistory history = new CommitHistory(CommitHistory.CAPACITY);
  private boolean degraded;
  private String degradedReason;
  private String recoveredFrom;
  private Instant lastBackupAt;

  public ConfigVerticle() {
    this(Clock.systemUTC());
  }

  public ConfigVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    EventBusCodecs.register(vertx);
    options = new ConfigVerticleOptions(config());
    files = new FileStore(options.dataPath(), options.getEnv());
    disk = vertx.createSharedWorkerExecutor("spotipi-store-" + deploymentID(), 1);
    // The schema compiles on the worker too: the first use loads many classes, too slow for an event loop.
    return onDisk(() -> new StartupLoader(files, new ConfigValidator(), clock).load()).compose(this::init);
  }

  private Future<Void> init(StartupLoader.Loaded loaded) {
    degraded = loaded.degraded();
    degradedReason = loaded.degradedReason();
    recoveredFrom = loaded.recoveredFrom();
    rules = loaded.rules();
    onDisk = loaded.state();
    metrics = new StoreMetrics(registry(), options.getNodeId(), () -> onDisk.revision());
    log.info("revision {}: store loaded from {}{}", onDisk.revision(), files.primary(),
        degraded ? " (degraded)" : recoveredFrom != null ? " (recovered from " + recoveredFrom + ")" : "");
    Future<?> startupBackup = loaded.hasFile() ? backup("startup", onDisk) : Future.succeededFuture();
    return startupBackup.compose(b -> onDisk(files::listBackups)).compose(all -> {
      lastBackupAt = all.isEmpty() ? null : all.get(0).createdAt();
      return vertx.isClustered() ? joinCluster() : serve(onDisk);
    });
  }

  /** In a cluster this node serves only while it owns the store; until then it mirrors the owner. */
  private Future<Void> joinCluster() {
    return ClusterReplica.open(vertx).compose(replica -> {
      ownership = new ClusterOwnership(vertx, replica, rules, this::writeLocal, options.getNodeId(),
          options.getClusterSettleMs(), new ClusterOwnership.Owner() {
            @Override
            public Future<Void> serve(StoreState start) {
              return ConfigVerticle.this.serve(start);
            }

            @Override
            public void stopServing() {
              ConfigVerticle.this.stopServing();
            }
          });
      EventBus bus = vertx.eventBus();
      MessageConsumer<Object> changed = bus.consumer(Addresses.CONFIG_CHANGED, m -> ownership.onChanged());
      MessageConsumer<Object> invalidated = bus.consumer(Addresses.CONFIG_INVALIDATE, m -> ownership.onChanged());
      return Future.all(changed.completion(), invalidated.completion()).onSuccess(v -> ownership.start(onDisk))
          .mapEmpty();
    });
  }

  private static MeterRegistry registry() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return r != null ? r : new SimpleMeterRegistry();
  }

  /** Starts accepting requests from {@code start}: at once on a single node, on takeover in a cluster. */
  private Future<Void> serve(StoreState start) {
    onDisk = start;
    pipeline = new CommitPipeline(start, rules, this::persist, clock, metrics, this::published);
    EventBus bus = vertx.eventBus();
    handlers.add(bus.consumer(Addresses.CONFIG_LOAD, this::onLoad));
    handlers.add(bus.consumer(Addresses.CONFIG_COMMIT, this::onCommit));
    handlers.add(bus.consumer(Addresses.CONFIG_STATUS, this::onStatus));
    handlers.add(bus.consumer(Addresses.CONFIG_HISTORY, this::onHistory));
    handlers.add(bus.consumer(Addresses.BACKUP_LIST, this::onBackupList));
    handlers.add(bus.consumer(Addresses.BACKUP_CREATE, this::onBackupCreate));
    handlers.add(bus.consumer(Addresses.BACKUP_RESTORE, this::onRestore));
    return Future.all(handlers.stream().map(MessageConsumer::completion).toList()).onSuccess(v -> {
      if (ownership != null) {
        // The old owner may have died between replicating a commit and announcing it: every near
        // cache and standby copy drops what it has and catches up from this owner.
        bus.publish(Addresses.CONFIG_INVALIDATE, new JsonObject());
      }
    }).mapEmpty();
  }

  /** A deposed owner stops answering at once; commits in flight were already failed by the pipeline. */
  private void stopServing() {
    handlers.forEach(MessageConsumer::unregister);
    handlers.clear();
    pipeline = null;
  }

  @Override
  public Future<?> stop() {
    // In-flight commits finish and are durable before the executor goes away.
    Future<Void> drained = pipeline == null ? Future.succeededFuture() : pipeline.drain();
    return drained.timeout(STOP_DRAIN_MS, TimeUnit.MILLISECONDS)
        .eventually(() -> {
          if (ownership != null) {
            ownership.stop();
          }
          return disk.close();
        });
  }

  // ---- handlers -----------------------------------------------------------------------------------

  private void onLoad(Message<Object> msg) {
    LoadRequest req = Json.requestBody(msg, LoadRequest.class);
    if (req == null) {
      return;
    }
    Future<StoreState> state = req.minRevision() == null
        ? Future.succeededFuture(pipeline.durable())
        : pipeline.awaitRevision(req.minRevision());
    reply(msg, state.map(ConfigVerticle::document));
  }

  private void onCommit(Message<Object> msg) {
    CommitRequest req = Json.requestBody(msg, CommitRequest.class);
    if (req != null) {
      reply(msg, pipeline.commit(req).map(ConfigVerticle::document));
    }
  }

  private void onStatus(Message<Object> msg) {
    StoreState s = pipeline.durable();
    String owner = ownership == null ? options.getNodeId() : options.getNodeId() + " (epoch " + s.epoch() + ")";
    msg.reply(new StoreStatus(s.revision(), owner, options.getEnv(),
        files.dir().toString(), degraded, degradedReason, recoveredFrom, metrics.commitsTotal(),
        metrics.conflictsTotal(), metrics.rejectedTotal(), metrics.storageFailuresTotal(), metrics.latencyMs(),
        metrics.batchSizeAvg(), history.size(), 1));
  }

  private void onHistory(Message<Object> msg) {
    HistoryRequest req = Json.requestBody(msg, HistoryRequest.class);
    if (req == null) {
      return;
    }
    int limit = req.limit() == null ? CommitHistory.CAPACITY : Math.max(0, req.limit());
    List<HistoryEntry> entries = req.afterRevision() == null
        ? history.newest(limit)
        : history.after(req.afterRevision(), limit);
    msg.reply(new HistoryPage(entries));
  }

  private void onBackupList(Message<Object> msg) {
    reply(msg, onDisk(files::listBackups).map(BackupList::new));
  }

  private void onBackupCreate(Message<Object> msg) {
    reply(msg, backup("on demand", pipeline.durable()));
  }

  private void onRestore(Message<Object> msg) {
    RestoreRequest req = Json.requestBody(msg, RestoreRequest.class);
    if (req == null) {
      return;
    }
    String origin = "restore " + req.id() + (req.origin() == null ? "" : " by " + req.origin());
    Future<StoreState> restored = onDisk(() -> StoredFile.decode(files.readBackup(req.id())))
        .recover(err -> Future.failedFuture(err instanceof DecodeException
            ? new ConfigFailure(ErrorCode.INVALID, "backup " + req.id() + " is malformed: " + err.getMessage())
            : err))
        .compose(contents -> backup("before restore", pipeline.durable()).map(contents))
        .compose(contents -> pipeline.commit(CommitRequest.replace(null, contents.overrides(), origin)));
    restored.onSuccess(s -> log.info("revision {}: restored backup {}", s.revision(), req.id()));
    reply(msg, restored.map(ConfigVerticle::document));
  }

  // ---- commit side effects ------------------------------------------------------------------------

  /** A batch is durable once on this node's disk and, in a cluster, replicated as the new head. */
  private Future<Void> persist(StoreState state) {
    Future<Void> local = writeLocal(state);
    return ownership == null ? local : local.compose(v -> ownership.replicate(state));
  }

  private Future<Void> writeLocal(StoreState state) {
    return this.<Void>onDisk(() -> {
      files.writePrimary(StoredFile.encode(state));
      return null;
    }).onSuccess(v -> {
      onDisk = state;
      if (degraded) {
        log.info("revision {}: fresh {} written, store no longer degraded", state.revision(), files.primary());
        degraded = false;
        degradedReason = null;
      }
    });
  }

  /** Runs for each durable commit, in revision order, before its requester is answered. */
  private void published(CommitPipeline.Committed c) {
    StoreState s = c.state();
    history.add(new HistoryEntry(s.revision(), s.savedAt(), c.origin(), c.changedKeys()));
    vertx.eventBus().publish(Addresses.CONFIG_CHANGED, new ConfigChanged(s.revision(), c.changedKeys(), c.origin()));
    if (lastBackupAt == null || Duration.between(lastBackupAt, clock.instant()).compareTo(AUTO_BACKUP_EVERY) > 0) {
      backup("hourly", s).onFailure(e -> log.warn("revision {}: hourly backup failed: {}", s.revision(), e.toString()));
    }
  }

  /** Backs up a durable state and trims old backups. */
  private Future<BackupInfo> backup(String reason, StoreState s) {
    Instant now = clock.instant();
    lastBackupAt = now;
    return onDisk(() -> {
      BackupInfo info = files.createBackup(s.revision(), StoredFile.encode(s), now);
      files.rotateBackups(options.getBackupKeep());
      return info;
    }).onSuccess(info -> log.info("revision {}: {} backup {}", s.revision(), reason, info.id()));
  }

  // ---- plumbing -----------------------------------------------------------------------------------

  private <T> Future<T> onDisk(Callable<T> work) {
    return disk.executeBlocking(work, true);
  }

  private static ConfigDocument document(StoreState s) {
    return new ConfigDocument(s.revision(), s.effective());
  }

  private static <T> void reply(Message<Object> msg, Future<T> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(ar.result());
      } else {
        ConfigFailure f = ConfigFailure.from(ar.cause());
        if (!(ar.cause() instanceof ConfigFailure)) {
          // Not a client error: an unexpected I/O or programming fault deserves its stack trace.
          log.error("request on {} failed", msg.address(), ar.cause());
          f = new ConfigFailure(ErrorCode.STORAGE, String.valueOf(ar.cause().getMessage()));
        }
        f.replyTo(msg);
      }
    });
  }
}
