package io.spotipi.config.apply;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write half of a single-writer pipeline (etcd's shape): applied commits queue behind the
 * pending state, and one write at a time makes the queue durable (group commit: commits that arrive
 * during a write share the next one). A commit is answered only once the write holding it is
 * durable, in order. If a write fails, every commit not yet durable fails and the pending state
 * returns to the last durable one.
 *
 * <p>Confined to the owning verticle's event loop: no locks, because nothing else touches it.
 *
 * @param <S> the state a write makes durable
 * @param <C> what a commit tells the listener once it is durable
 */
final class GroupCommit<S extends Revisioned<S>, C> {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Told of each durable commit in order, before its requester hears of it, and of each batch. */
  interface Listener<C> {
    void durable(C commit, long startNanos);

    void batch(int size);

    void failed(int commits);
  }

  private record Queued<S, C>(S state, C commit, Promise<S> promise, long startNanos) {
  }

  private record Waiter<S>(long revision, Promise<S> promise) {
  }

  private final Durability<S> durability;
  private final Listener<C> listener;

  private S durable;
  private S pending;
  private ArrayDeque<Queued<S, C>> queue = new ArrayDeque<>();
  private boolean writing;
  /** Durable batches whose requesters have not been answered yet. */
  private final ArrayDeque<ArrayDeque<Queued<S, C>>> unanswered = new ArrayDeque<>();
  private final List<Waiter<S>> waiters = new ArrayList<>();
  private final List<Promise<Void>> drainWaiters = new ArrayList<>();

  /** @param durability makes each batch durable (off the event loop); its future completes on this context */
  GroupCommit(S initial, Durability<S> durability, Listener<C> listener) {
    this.durable = initial;
    this.pending = initial;
    this.durability = durability;
    this.listener = listener;
  }

  /** The latest durable state: what every reader sees. */
  S durable() {
    return durable;
  }

  /** The state the next commit builds on: the durable one with every queued commit applied. */
  S pending() {
    return pending;
  }

  /** Queues {@code next}, built on {@link #pending()}; the future completes once it is durable. */
  Future<S> submit(S next, C commit, long startNanos) {
    pending = next;
    Promise<S> promise = Promise.promise();
    queue.add(new Queued<>(next, commit, promise, startNanos));
    writeNext();
    return promise.future();
  }

  /**
   * The durable state once it has reached {@code revision}; at once when it already has, or when no
   * pending commit will ever reach it.
   */
  Future<S> awaitRevision(long revision) {
    if (revision <= durable.revision() || revision > pending.revision()) {
      return Future.succeededFuture(durable);
    }
    Promise<S> p = Promise.promise();
    waiters.add(new Waiter<>(revision, p));
    return p.future();
  }

  /** Completes when no commit is queued or being written (for a clean shutdown). */
  Future<Void> drain() {
    if (!writing && queue.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    drainWaiters.add(p);
    return p.future();
  }

  private void writeNext() {
    if (writing || queue.isEmpty()) {
      return;
    }
    ArrayDeque<Queued<S, C>> batch = queue;
    queue = new ArrayDeque<>();
    writing = true;
    S target = batch.getLast().state();
    durability.persist(target).onComplete(ar -> {
      writing = false;
      if (ar.succeeded()) {
        durable = target;
        unanswered.add(batch);
        // The disk takes the next batch before this one is answered, instead of idling while the
        // event loop answers a few dozen requesters.
        writeNext();
        answerDurable();
      } else {
        answerDurable();
        rollback(batch, ar.cause());
      }
      releaseWaiters();
      if (!writing) {
        drainWaiters.forEach(Promise::complete);
        drainWaiters.clear();
      }
    });
  }

  /** Answers durable batches in revision order, also when a write completed before its predecessor was answered. */
  private void answerDurable() {
    for (ArrayDeque<Queued<S, C>> batch; (batch = unanswered.poll()) != null; ) {
      listener.batch(batch.size());
      for (Queued<S, C> q : batch) {
        listener.durable(q.commit(), q.startNanos());
        q.promise().complete(q.state());
      }
    }
  }

  /** Everything not durable was built on the failed write: it all fails, and pending goes back. */
  private void rollback(ArrayDeque<Queued<S, C>> batch, Throwable cause) {
    batch.addAll(queue);
    queue.clear();
    log.error("revision {}..{}: write failed, {} commits rolled back to revision {}: {}",
        batch.getFirst().state().revision(), pending.revision(), batch.size(), durable.revision(),
        cause.toString());
    pending = durable;
    listener.failed(batch.size());
    ConfigFailure failure = cause instanceof ConfigFailure f
        ? f
        : new ConfigFailure(ErrorCode.STORAGE, "the store could not write: " + cause.getMessage());
    for (Queued<S, C> q : batch) {
      q.promise().fail(failure);
    }
  }

  private void releaseWaiters() {
    for (Iterator<Waiter<S>> it = waiters.iterator(); it.hasNext(); ) {
      Waiter<S> w = it.next();
      if (w.revision() <= durable.revision() || w.revision() > pending.revision()) {
        it.remove();
        w.promise().complete(durable);
      }
    }
  }
}
