package io.spotipi.shared;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Read-modify-write with compare-and-set on a revision, shared by {@link ConfigClient} and
 * {@link StateClient}: the mutator changes a private copy of the newest document, which is committed
 * only if nobody committed in between; on CONFLICT it runs again on the winner's document (carried by
 * the conflict, else reloaded), after a random backoff, at most {@code transactionMaxAttempts} times.
 * If the mutator throws, nothing is committed and the future fails with that exception.
 *
 * @param <D> a document at a revision, as the client hands it out
 */
final class CasTransaction<D> {
  /** How one client reads and commits its documents. */
  interface Store<D> {
    /** The newest document (a near cache may answer). */
    Future<D> load();

    /** A document after a conflict that carried none: at least the winner's revision, when it named one. */
    Future<D> reload(ConfigFailure conflict);

    /** The winner's document a conflict carried: not cached, it may not be durable yet. */
    D conflicted(long revision, JsonObject current);

    /** A private copy of a document's value, for the mutator. */
    JsonObject copy(D document);

    /** Commits {@code value} if the store is still at {@code base}'s revision. */
    Future<D> commit(D base, JsonObject value);
  }

  private final Vertx vertx;
  private final ConfigClientOptions options;
  private final Store<D> store;

  CasTransaction(Vertx vertx, ConfigClientOptions options, Store<D> store) {
    this.vertx = vertx;
    this.options = options;
    this.store = store;
  }

  Future<D> run(Consumer<JsonObject> mutator) {
    return attempt(mutator, 1, null);
  }

  private Future<D> attempt(Consumer<JsonObject> mutator, int n, D base) {
    return (base != null ? Future.succeededFuture(base) : store.load()).compose(doc -> {
      JsonObject value = store.copy(doc);
      try {
        mutator.accept(value);
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
      return store.commit(doc, value).recover(err -> {
        ConfigFailure f = ConfigFailure.from(err);
        if (f.code() != ErrorCode.CONFLICT || n >= options.getTransactionMaxAttempts()) {
          return Future.failedFuture(f);
        }
        D next = f.current() != null && f.currentRevision() != null
            ? store.conflicted(f.currentRevision(), f.current())
            : null;
        return backoff(n).compose(v -> next != null
            ? attempt(mutator, n + 1, next)
            : store.reload(f).compose(fresh -> attempt(mutator, n + 1, fresh)));
      });
    });
  }

  private Future<Void> backoff(int attempt) {
    long bound = Math.min(options.getBackoffMaxMs(), options.getBackoffBaseMs() << Math.min(attempt - 1, 20));
    long delay = bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    if (delay == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(delay, id -> p.complete());
    return p.future();
  }
}
