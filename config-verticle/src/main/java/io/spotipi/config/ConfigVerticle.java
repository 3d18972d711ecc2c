package io.spotipi.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotipi.config.apply.CommitHistory;
import io.spotipi.config.apply.CommitPipeline;
import io.spotipi.config.apply.CommitPublisher;
import io.spotipi.config.apply.Durability;
import io.spotipi.config.apply.InternalState;
import io.spotipi.config.apply.Publishing;
import io.spotipi.config.apply.StatePipeline;
import io.spotipi.config.apply.StoreMetrics;
import io.spotipi.config.apply.StoreState;
import io.spotipi.config.cluster.ClusterOwnership;
import io.spotipi.config.storage.BackupPolicy;
import io.spotipi.config.storage.LocalStore;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.EventBusCodecs;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.BackupList;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.ConfigDocument;
import io.spotipi.shared.message.HistoryEntry;
import io.spotipi.shared.message.HistoryPage;
import io.spotipi.shared.message.HistoryRequest;
import io.spotipi.shared.message.LoadRequest;
import io.spotipi.shared.message.RestoreRequest;
import io.spotipi.shared.message.StateCommitRequest;
import io.spotipi.shared.message.StateLoadRequest;
import io.spotipi.shared.message.StoreStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of the config store: the only code that reads or writes the data dir. Other
 * verticles reach it only over the event bus ({@link Addresses}); its handlers run one at a time on
 * its event loop. This class is the event-bus adapter and the wiring; a commit runs one way through
 * the layers: {@link CommitPipeline} (apply) → {@link Durability} (the {@link LocalStore} on its
 * worker, then in a cluster {@link ClusterOwnership#replicate}) → {@link Publishing} (history, change
 * event, hourly backup) → the reply. Beside the user's config it keeps the internal state
 * ({@code spotipi.state.*}), through a {@link StatePipeline} of its own, made durable the same way.
 */
public class ConfigVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ConfigVerticle.class);
  private static final long STOP_DRAIN_MS = 10_000;

  private final Clock clock;
  private final List<MessageConsumer<Object>> handlers = new ArrayList<>();
  private final CommitHistory history = new CommitHistory(CommitHistory.CAPACITY);
  private ConfigVerticleOptions options;
  private LocalStore disk;
  private BackupPolicy backups;
  private StoreMetrics metrics;
  private Publishing publishing;
  private ClusterOwnership ownership;
  /** Null while this node does not serve (a standby, or before start). */
  private CommitPipeline pipeline;
  private StatePipeline statePipeline;

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
    return LocalStore.open(vertx, "spotipi-store-" + deploymentID(), options.dataPath(), options.getEnv(), clock)
        .compose(this::init);
  }

  private Future<Void> init(LocalStore opened) {
    disk = opened;
    metrics = new StoreMetrics(registry(), options.getNodeId(), () -> disk.onDisk().revision());
    backups = new BackupPolicy(disk, options.getBackupKeep(), clock);
    publishing = new CommitPublisher(vertx.eventBus(), history).then(backups::afterCommit);
    return backups.atStartup()
        .compose(v -> vertx.isClustered() ? joinCluster() : serve(disk.onDisk(), disk.internalOnDisk()));
  }

  private static MeterRegistry registry() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return r != null ? r : new SimpleMeterRegistry();
  }

  /** In a cluster this node serves only while it owns the store; until then it mirrors the owner. */
  private Future<Void> joinCluster() {
    ClusterOwnership.Owner owner = new ClusterOwnership.Owner() {
      @Override
      public Future<Void> serve(StoreState config, InternalState state) {
        return ConfigVerticle.this.serve(config, state);
      }

      @Override
      public void stopServing() {
        ConfigVerticle.this.stopServing();
      }
    };
    return ClusterOwnership.open(vertx, disk, options.getNodeId(), options.getClusterSettleMs(), owner)
        .compose(opened -> {
          ownership = opened;
          EventBus bus = vertx.eventBus();
          MessageConsumer<Object> changed = bus.consumer(Addresses.CONFIG_CHANGED, m -> ownership.onChanged());
          MessageConsumer<Object> invalidated = bus.consumer(Addresses.CONFIG_INVALIDATE, m -> ownership.onChanged());
          MessageConsumer<Object> state = bus.consumer(Addresses.STATE_CHANGED, m -> ownership.onChanged());
          return Future.all(changed.completion(), invalidated.completion(), state.completion());
        })
        .onSuccess(v -> ownership.start())
        .mapEmpty();
  }

  /** Starts accepting requests from these states: at once on a single node, on takeover in a cluster. */
  private Future<Void> serve(StoreState config, InternalState state) {
    Durability<StoreState> configDurability = disk::persist;
    Durability<InternalState> stateDurability = disk::persistState;
    if (ownership != null) {
      configDurability = configDurability.then(ownership::replicate);
      stateDurability = stateDurability.then(ownership::replicateState);
    }
    EventBus bus = vertx.eventBus();
    pipeline = new CommitPipeline(config, disk.rules(), configDurability, publishing, clock, metrics);
    statePipeline = new StatePipeline(state, stateDurability, bus, clock);
    handlers.add(bus.consumer(Addresses.CONFIG_LOAD, this::onLoad));
    handlers.add(bus.consumer(Addresses.CONFIG_COMMIT, this::onCommit));
    handlers.add(bus.consumer(Addresses.CONFIG_STATUS, this::onStatus));
    handlers.add(bus.consumer(Addresses.CONFIG_HISTORY, this::onHistory));
    handlers.add(bus.consumer(Addresses.BACKUP_LIST, this::onBackupList));
    handlers.add(bus.consumer(Addresses.BACKUP_CREATE, this::onBackupCreate));
    handlers.add(bus.consumer(Addresses.BACKUP_RESTORE, this::onRestore));
    handlers.add(bus.consumer(Addresses.STATE_LOAD, this::onStateLoad));
    handlers.add(bus.consumer(Addresses.STATE_COMMIT, this::onStateCommit));
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
    statePipeline = null;
  }

  @Override
  public Future<?> stop() {
    // In-flight commits finish and are durable before the worker goes away.
    Future<Void> drained = pipeline == null ? Future.succeededFuture()
        : Future.all(pipeline.drain(), statePipeline.drain()).mapEmpty();
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
    msg.reply(new StoreStatus(s.revision(), owner, options.getEnv(), disk.dir().toString(), disk.degraded(),
        disk.degradedReason(), disk.recoveredFrom(), metrics.commitsTotal(), metrics.conflictsTotal(),
        metrics.rejectedTotal(), metrics.storageFailuresTotal(), metrics.latencyMs(), metrics.batchSizeAvg(),
        history.size()));
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
    reply(msg, disk.listBackups().map(BackupList::new));
  }

  private void onBackupCreate(Message<Object> msg) {
    reply(msg, backups.onDemand(pipeline.durable()));
  }

  /** A restore commits the backup's keys as a new revision, after a backup of what it replaces. */
  private void onRestore(Message<Object> msg) {
    RestoreRequest req = Json.requestBody(msg, RestoreRequest.class);
    if (req == null) {
      return;
    }
    String origin = "restore " + req.id() + (req.origin() == null ? "" : " by " + req.origin());
    Future<StoreState> restored = disk.readBackup(req.id())
        .compose(contents -> backups.beforeRestore(pipeline.durable()).map(contents))
        .compose(contents -> pipeline.commit(CommitRequest.replace(null, contents.overrides(), origin)));
    restored.onSuccess(s -> log.info("revision {}: restored backup {}", s.revision(), req.id()));
    reply(msg, restored.map(ConfigVerticle::document));
  }

  private void onStateLoad(Message<Object> msg) {
    StateLoadRequest req = Json.requestBody(msg, StateLoadRequest.class);
    if (req != null) {
      reply(msg, Future.succeededFuture(req.section()).map(statePipeline::load));
    }
  }

  private void onStateCommit(Message<Object> msg) {
    StateCommitRequest req = Json.requestBody(msg, StateCommitRequest.class);
    if (req != null) {
      reply(msg, statePipeline.commit(req));
    }
  }

  // ---- plumbing -----------------------------------------------------------------------------------

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
