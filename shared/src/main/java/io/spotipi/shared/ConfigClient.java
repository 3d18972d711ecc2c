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
 * <p>Reads keep answering while no owner answers (a failover, or none at all): from the last snapshot
 * known, marked {@linkplain ConfigSnapshot#stale() stale} ({@link ConfigReads}). What this node knows
 * about its owner is shared by its clients ({@link OwnerWatch}). Commits fail UNAVAILABLE then.
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
  private final NearCache cache = new NearCache();
  private final OwnerRequests owner;
  private final ConfigReads reads;

  private ConfigClient(Vertx vertx, ConfigClientOptions options) {
    this.owner = new OwnerRequests(vertx, options);
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.options = options;
    this.readDelivery = new DeliveryOptions().setSendTimeout(options.getRequestTimeoutMs());
    this.commitDelivery = new DeliveryOptions().setSendTimeout(options.getCommitTimeoutMs());
    this.reads = new ConfigReads(vertx, cache, owner.watch(), this::fetch, options.getStaleReadAfterMs());
    this.changedConsumer = bus.consumer(Addresses.CONFIG_CHANGED, msg -> onChanged(msg.body()));
    this.invalidateConsumer = bus.consumer(Addresses.CONFIG_INVALIDATE, msg -> onInvalidated());
  }

  public static ConfigClient create(Vertx vertx, ConfigClientOptions options) {
    return new ConfigClient(vertx, options);
  }

  /** Completes when the change listeners are registered (cluster-wide, when clustered). */
  public Future<Void> ready() {
    return Future.all(changedConsumer.completion(), invalidateConsumer.completion())
        .onSuccess(v -> reads.refreshSoon())
        .mapEmpty();
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

  /**
   * The current snapshot: the near cache when it is fresh, else one round trip to the owner. While the
   * owner does not answer (a failover, or no owner at all), the last snapshot this client knew, marked
   * {@linkplain ConfigSnapshot#stale() stale}: after {@code staleReadAfterMs} of waiting, and at once
   * once this node knows the owner to be unreachable. Fails only when no snapshot was ever known.
   */
  public Future<ConfigSnapshot> load() {
    return reads.load();
  }

  /**
   * The current snapshot when the near cache has it (counted as a hit; stale while the owner is known
   * to be unreachable), else {@code null} and nothing is counted: for callers that answer synchronously
   * and fall back to {@link #load()}.
   */
  public ConfigSnapshot loadCached() {
    return reads.loadCached();
  }

  /**
   * A snapshot at least as new as {@code minRevision}, asking the owner if the cache is older. While
   * the owner is known to be unreachable: the last one known, marked stale, if it is that new, else an
   * UNAVAILABLE failure at once.
   */
  public Future<ConfigSnapshot> load(long minRevision) {
    return reads.load(minRevision);
  }

  /** One key of the current snapshot, or {@code null}. */
  public Future<Object> get(String key) {
    return load().map(s -> s.get(key));
  }

  /**
   * Whether this node finds no config owner: its requests found nobody (no handler, no reply in time),
   * and neither an answer nor a change event came since. Reads are then answered stale.
   */
  public boolean stale() {
    return owner.watch().unreachable();
  }

  /**
   * Whether the owner became unreachable less than {@code failoverWaitMs} ago, in a cluster: a new
   * owner is expected, and reads only an owner can answer wait for it. Never on a single node.
   */
  public boolean failoverUnderWay() {
    return owner.failoverUnderWay();
  }

  private Future<ConfigSnapshot> fetch(Long minRevision) {
    return owner.request(Addresses.CONFIG_LOAD, new LoadRequest(minRevision), readDelivery, ConfigDocument.class)
        .map(cache::remember);
  }

  private void onChanged(Object body) {
    ConfigChanged event = Json.fromJson(body, ConfigChanged.class);
    owner.watch().answered();
    cache.announce(event.revision());
    reads.refreshSoon();
    for (Handler<ConfigChanged> l : changeListeners) {
      l.handle(event);
    }
  }

  /** An invalidation also means: ask the owner again (a new owner sends one when it takes over). */
  private void onInvalidated() {
    owner.watch().answered();
    cache.drop();
    reads.refreshSoon();
    for (Handler<Void> l : invalidateListeners) {
      l.handle(null);
    }
  }

  public long cacheHits() {
    return cache.hits();
  }

  public long cacheMisses() {
    return cache.misses();
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
    return owner.request(Addresses.CONFIG_COMMIT, request, commitDelivery, ConfigDocument.class).map(cache::remember);
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

  // Only the owner knows these: during a failover they wait for the next one (OwnerRequests.ownerRead).

  public Future<StoreStatus> status() {
    return owner.ownerRead(Addresses.CONFIG_STATUS, EMPTY, StoreStatus.class);
  }

  public Future<HistoryPage> history(HistoryRequest request) {
    return owner.ownerRead(Addresses.CONFIG_HISTORY, request, HistoryPage.class);
  }

  public Future<BackupList> backups() {
    return owner.ownerRead(Addresses.BACKUP_LIST, EMPTY, BackupList.class);
  }

  public Future<BackupInfo> createBackup() {
    return owner.request(Addresses.BACKUP_CREATE, EMPTY, commitDelivery, BackupInfo.class);
  }

  public Future<ConfigSnapshot> restore(String backupId) {
    return owner.request(Addresses.BACKUP_RESTORE, new RestoreRequest(backupId, options.getOrigin()), commitDelivery,
        ConfigDocument.class).map(cache::remember);
  }

  /**
   * Tells every near cache in the cluster, this one included, to drop its copy. This one drops it at
   * once, so its next read asks the owner; the others, and this one's listeners, hear of it later.
   */
  public void invalidateAll() {
    cache.drop();
    bus.publish(Addresses.CONFIG_INVALIDATE, new JsonObject());
  }

  private static final JsonObject EMPTY = new JsonObject();
}
