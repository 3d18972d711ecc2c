package io.spotipi.shared;

import io.spotipi.shared.message.StateChanged;
import io.spotipi.shared.message.StateCommitRequest;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.message.StateLoadRequest;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a verticle reads and writes a section of the internal state ({@link StateSections}) through
 * the config owner: request-reply, no cache (state is read rarely and must be current), and
 * compare-and-set transactions with the same retry as {@link ConfigClient#transaction}.
 *
 * <p>Create one per verticle and use it only from that verticle's context. Never log a section's
 * value: some hold secrets.
 */
public final class StateClient {
  private final OwnerRequests owner;
  private final ConfigClientOptions options;
  private final DeliveryOptions readDelivery;
  private final DeliveryOptions commitDelivery;
  private final MessageConsumer<Object> changedConsumer;
  private final List<Handler<StateChanged>> changeListeners = new ArrayList<>();
  private final Vertx vertx;

  private StateClient(Vertx vertx, ConfigClientOptions options) {
    this.owner = new OwnerRequests(vertx, options);
    this.vertx = vertx;
    this.options = options;
    this.readDelivery = new DeliveryOptions().setSendTimeout(options.getRequestTimeoutMs());
    this.commitDelivery = new DeliveryOptions().setSendTimeout(options.getCommitTimeoutMs());
    this.changedConsumer = vertx.eventBus().consumer(Addresses.STATE_CHANGED, msg -> {
      StateChanged event = Json.fromJson(msg.body(), StateChanged.class);
      changeListeners.forEach(l -> l.handle(event));
    });
  }

  /** Timeouts, origin, attempts and backoff as for a {@link ConfigClient}. */
  public static StateClient create(Vertx vertx, ConfigClientOptions options) {
    return new StateClient(vertx, options);
  }

  /** Completes when the change listener is registered (cluster-wide, when clustered). */
  public Future<Void> ready() {
    return changedConsumer.completion();
  }

  public Future<Void> close() {
    return changedConsumer.unregister();
  }

  /** Called, on this client's context, after each durable state commit, of any section. */
  public StateClient onChange(Handler<StateChanged> listener) {
    changeListeners.add(listener);
    return this;
  }

  /**
   * Whether this node finds no config owner ({@link ConfigClient#stale()}, the same watch): a verticle
   * may then answer a read from the section's value it saw last.
   */
  public boolean stale() {
    return owner.watch().unreachable();
  }

  /** The section's durable value; revision 0 and an empty value when it was never written. */
  public Future<StateDocument> load(String section) {
    return request(Addresses.STATE_LOAD, new StateLoadRequest(section), readDelivery);
  }

  /**
   * Replaces the section's value if it is still at {@code expectedRevision} (null: always); fails
   * with CONFLICT carrying the current value otherwise.
   */
  public Future<StateDocument> commit(String section, Long expectedRevision, JsonObject value) {
    return request(Addresses.STATE_COMMIT, new StateCommitRequest(section, expectedRevision, value,
        options.getOrigin()), commitDelivery);
  }

  /**
   * Read-modify-write of one section with compare-and-set and retry, as {@link ConfigClient#transaction}.
   * A mutator that leaves the value as it was commits nothing: the future then succeeds with the
   * document it read.
   */
  public Future<StateDocument> transaction(String section, Consumer<JsonObject> mutator) {
    return new CasTransaction<>(vertx, options, new CasTransaction.Store<StateDocument>() {
      @Override
      public Future<StateDocument> load() {
        return StateClient.this.load(section);
      }

      @Override
      public Future<StateDocument> reload(ConfigFailure conflict) {
        return StateClient.this.load(section);
      }

      @Override
      public StateDocument conflicted(long revision, JsonObject current) {
        return new StateDocument(section, revision, current);
      }

      @Override
      public JsonObject copy(StateDocument document) {
        return document.value().copy();
      }

      @Override
      public Future<StateDocument> commit(StateDocument base, JsonObject value) {
        return value.equals(base.value())
            ? Future.succeededFuture(base)
            : StateClient.this.commit(section, base.revision(), value);
      }
    }).run(mutator);
  }

  private Future<StateDocument> request(String address, Object body, DeliveryOptions delivery) {
    return owner.request(address, body, delivery, StateDocument.class);
  }
}
