package io.spotipi.shared;

import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.message.BackupList;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.ConfigDocument;
import io.spotipi.shared.message.HistoryPage;
import io.spotipi.shared.message.HistoryRequest;
import io.spotipi.shared.message.LoadRequest;
import io.spotipi.shared.message.RestoreRequest;
import io.spotipi.shared.message.StoreStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How every verticle reads and writes the config: request-reply to the owner over the event bus, with
 * a near cache of the last snapshot kept fresh by {@code spotipi.config.changed}.
 *
 * <p>Create one per verticle, in its {@code start}, and use it only from that verticle's context: it
 * is an actor-confined object (no locks inside), like the verticle that owns it.
 *
 * <pre>{@code
 * ConfigClient config = ConfigClient.create(vertx, new ConfigClientOptions("my-tool"));
 * config.ready()
 *     .compose(v -> config.transaction(doc ->
 *         doc.put(ConfigKeys.ALARM_VOLUME, doc.getInteger(ConfigKeys.ALARM_VOLUME) + 5)))
 *     .onSuccess(snap -> log.info("now at revision {}", snap.revision()));
 * }</pre>
 */
public final class ConfigClient {
  private final Vertx vertx;
  private final EventBus bus;
  private final ConfigClientOptions options;
  private final DeliveryOptions readDelivery;
  private final DeliveryOptions commitDelivery;
  private final MessageConsumer<Object> changedConsumer;
  private final MessageConsumer<Object> invalidateConsumer;
  private final List<Handler<ConfigChanged>> changeListeners = new ArrayList<>();
  private final List<Handler<Void>> invalidateListeners = new ArrayList<>();

  private ConfigSnapshot cached;
  /** The highest revision a change event announced: nothing older may be cached. */
  private long announced = -1;
  private Future<ConfigSnapshot> loading;
  private long loadingFor = -1;
  private long hits;
  private long misses;

  private ConfigClient(Vertx vertx, ConfigClientOptions options) {
    EventBusCodecs.register(vertx);
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.options = options;
    this.readDelivery = new DeliveryOptions().setSendTimeout(options.getRequestTimeoutMs());
    this.commitDelivery = new DeliveryOptions().setSendTimeout(options.getCommitTimeoutMs());
    this.changedConsumer = bus.consumer(Addresses.CONFIG_CHANGED, msg -> onChanged(msg.body()));
    this.invalidateConsumer = bus.consumer(Addresses.CONFIG_INVALIDATE, msg -> onInvalidated());
  }

  public static ConfigClient create(Vertx vertx, ConfigClientOptions options) {
    return new ConfigClient(vertx, options);
  }

  /** Completes when the change listeners are registered (cluster-wide, when clustered). */
  public Future<Void> ready() {
    return Future.all(changedConsumer.completion(), invalidateConsumer.completion()).mapEmpty();
  }

  /** Unregisters the listeners; the verticle's undeploy does the same. */
  public Future<Void> close() {
    return Future.all(changedConsumer.unregister(), invalidateConsumer.unregister()).mapEmpty();
  }

  /** Called, on this client's context, after the cache saw each change event. */
  public ConfigClient onChange(Handler<ConfigChanged> listener) {
    changeListeners.add(listener);
    return this;
  }

  /**
   * Called, on this client's context, after {@code spotipi.config.invalidate} dropped the near cache:
   * for callers that keep something derived from it (a plan, a view), to rebuild it from a fresh load.
   */
  public ConfigClient onInvalidate(Handler<Void> listener) {
    invalidateListeners.add(listener);
    return this;
  }

  // ---- reads -------------------------------------------------------------------------------------

  /** The current snapshot: the near cache when it is fresh, else one round trip to the owner. */
  public Future<ConfigSnapshot> load() {
    ConfigSnapshot snap = cached;
    if (snap != null) {
      hits++;
      return Future.succeededFuture(snap);
    }
    misses++;
    return sharedFetch(announced);
  }

  /**
   * The current snapshot when the near cache has it (counted as a hit), else {@code null} and nothing
   * is counted: for callers that answer synchronously and fall back to {@link #load()}.
   */
  public ConfigSnapshot loadCached() {
    ConfigSnapshot snap = cached;
    if (snap != null) {
      hits++;
    }
    return snap;
  }

  /** A snapshot at least as new as {@code minRevision}, asking the owner if the cache is older. */
  public Future<ConfigSnapshot> load(long minRevision) {
    ConfigSnapshot snap = cached;
    if (snap != null && snap.revision() >= minRevision) {
      hits++;
      return Future.succeededFuture(snap);
    }
    misses++;
    return sharedFetch(Math.max(minRevision, announced));
  }

  /**
   * One round trip for a snapshot of at least {@code minRevision} (none: -1), shared by every caller
   * while it is under way unless one needs a newer revision: the losers of a compare-and-set race all
   * wait for the same winner, and a burst of cache misses is one request.
   */
  private Future<ConfigSnapshot> sharedFetch(long minRevision) {
    if (loading != null && loadingFor >= minRevision) {
      return loading;
    }
    loadingFor = minRevision;
    Future<ConfigSnapshot> f = fetch(minRevision < 0 ? null : minRevision);
    loading = f;
    // A request with nobody serving the address fails at once, before this line: it must not stay shared.
    f.onComplete(ar -> {
      if (loading == f) {
        loading = null;
      }
    });
    return f;
  }

  /** One key of the current snapshot, or {@code null}. */
  public Future<Object> get(String key) {
    return load().map(s -> s.get(key));
  }

  private Future<ConfigSnapshot> fetch(Long minRevision) {
    return request(Addresses.CONFIG_LOAD, new LoadRequest(minRevision), readDelivery, ConfigDocument.class)
        .map(this::remember);
  }

  /** Caches a document the owner sent unless a newer revision is known; returns it either way. */
  private ConfigSnapshot remember(ConfigDocument doc) {
    ConfigSnapshot snap = ConfigSnapshot.ofOwnerDocument(doc.revision(), doc.config());
    if (doc.revision() >= announced && (cached == null || cached.revision() < doc.revision())) {
      cached = snap;
    }
    return snap;
  }

  private void onChanged(Object body) {
    ConfigChanged event = Json.fromJson(body, ConfigChanged.class);
    announced = Math.max(announced, event.revision());
    if (cached != null && cached.revision() < event.revision()) {
      cached = null;
    }
    for (Handler<ConfigChanged> l : changeListeners) {
      l.handle(event);
    }
  }

  private void onInvalidated() {
    cached = null;
    for (Handler<Void> l : invalidateListeners) {
      l.handle(null);
    }
  }

  public long cacheHits() {
    return hits;
  }

  public long cacheMisses() {
    return misses;
  }

  // ---- writes ------------------------------------------------------------------------------------

  /** Applies an RFC 7396 merge patch to the latest state, inside the owner: no update can be lost. */
  public Future<ConfigSnapshot> patch(JsonObject patch) {
    return submit(CommitRequest.patch(null, patch, options.getOrigin()));
  }

  /** Replaces the whole document if the store is still at {@code expectedRevision} (null: always). */
  public Future<ConfigSnapshot> commit(Long expectedRevision, JsonObject document) {
    return submit(CommitRequest.replace(expectedRevision, document, options.getOrigin()));
  }

  /**
   * Sends any commit; the reply, once durable, also refreshes the near cache. The owner reports a lost
   * compare-and-set before the winner is durable: its CONFLICT is held back here until the winning
   * revision can be read, and then carries that readable revision and document. So whoever reads after
   * the failure sees the winner or newer, never the revision it lost on (else it would retry on that
   * one again until the winner's write ends), and can redo its change on {@link ConfigFailure#current()}.
   */
  public Future<ConfigSnapshot> submit(CommitRequest request) {
    Long expected = request.expectedRevision();
    return send(request).recover(err -> {
      ConfigFailure f = ConfigFailure.from(err);
      if (f.code() != ErrorCode.CONFLICT || f.currentRevision() == null || expected == null) {
        return Future.failedFuture(f);
      }
      return load(f.currentRevision()).transform(winner -> Future.failedFuture(winner.succeeded()
          ? ConfigFailure.conflict(winner.result().revision(), expected, winner.result().config())
          : ConfigFailure.conflict(f.currentRevision(), expected, null)));
    });
  }

  private Future<ConfigSnapshot> send(CommitRequest request) {
    return request(Addresses.CONFIG_COMMIT, request, commitDelivery, ConfigDocument.class).map(this::remember);
  }

  /**
   * Read-modify-write with compare-and-set: the mutator changes a private copy of the current
   * document, which is committed only if nobody committed in between; on CONFLICT it runs again on
   * the newer state, after a random backoff, at most {@code transactionMaxAttempts} times. If the
   * mutator throws, nothing is committed and the future fails with that exception.
   */
  public Future<ConfigSnapshot> transaction(Consumer<JsonObject> mutator) {
    return new CasTransaction<>(vertx, options, new CasTransaction.Store<ConfigSnapshot>() {
      @Override
      public Future<ConfigSnapshot> load() {
        return ConfigClient.this.load();
      }

      @Override
      public Future<ConfigSnapshot> reload(ConfigFailure conflict) {
        return conflict.currentRevision() == null ? fetch(null) : ConfigClient.this.load(conflict.currentRevision());
      }

      @Override
      public ConfigSnapshot conflicted(long revision, JsonObject current) {
        return new ConfigSnapshot(revision, current);
      }

      @Override
      public JsonObject copy(ConfigSnapshot document) {
        return document.config();
      }

      // Straight to the owner: its conflict's document lets the mutator run again without waiting.
      @Override
      public Future<ConfigSnapshot> commit(ConfigSnapshot base, JsonObject value) {
        return send(CommitRequest.replace(base.revision(), value, options.getOrigin()));
      }
    }).run(mutator);
  }

  // ---- store administration -----------------------------------------------------------------------

  public Future<StoreStatus> status() {
    return request(Addresses.CONFIG_STATUS, EMPTY, readDelivery, StoreStatus.class);
  }

  public Future<HistoryPage> history(HistoryRequest request) {
    return request(Addresses.CONFIG_HISTORY, request, readDelivery, HistoryPage.class);
  }

  public Future<BackupList> backups() {
    return request(Addresses.BACKUP_LIST, EMPTY, readDelivery, BackupList.class);
  }

  public Future<BackupInfo> createBackup() {
    return request(Addresses.BACKUP_CREATE, EMPTY, commitDelivery, BackupInfo.class);
  }

  public Future<ConfigSnapshot> restore(String backupId) {
    return request(Addresses.BACKUP_RESTORE, new RestoreRequest(backupId, options.getOrigin()), commitDelivery,
        ConfigDocument.class).map(this::remember);
  }

  /**
   * Tells every near cache in the cluster, this one included, to drop its copy. This one drops it at
   * once, so its next read asks the owner; the others, and this one's listeners, hear of it later.
   */
  public void invalidateAll() {
    cached = null;
    bus.publish(Addresses.CONFIG_INVALIDATE, new JsonObject());
  }

  private static final JsonObject EMPTY = new JsonObject();

  private <T> Future<T> request(String address, Object body, DeliveryOptions delivery, Class<T> replyType) {
    return bus.request(address, body, delivery)
        .transform(ar -> ar.succeeded()
            ? Future.succeededFuture(Json.fromJson(ar.result().body(), replyType))
            : Future.failedFuture(ConfigFailure.from(ar.cause())));
  }
}
