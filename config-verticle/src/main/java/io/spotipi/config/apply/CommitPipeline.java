package io.spotipi.config.apply;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer apply loop (etcd's shape): every commit is checked (compare-and-set on the
 * revision), applied in arrival order to the pending state with the next revision, and queued; one
 * write at a time makes the queue durable (group commit: commits that arrive during a write share
 * the next one). A commit is acknowledged only when the write holding it is durable. If a write
 * fails, every commit not yet durable fails and the pending state returns to the last durable one.
 *
 * <p>Confined to the owning verticle's event loop: no locks, because nothing else touches it.
 */
public final class CommitPipeline {
  private static final Logger log = LoggerFactory.getLogger(CommitPipeline.class);

  /** A durable commit, handed to {@link Publishing} in revision order. */
  public record Committed(StoreState state, List<String> changedKeys, String origin) {
  }

  private record Queued(Committed commit, Promise<StoreState> promise, long startNanos) {
  }

  private record Waiter(long revision, Promise<StoreState> promise) {
  }

  private final ConfigRules rules;
  private final Durability durability;
  private final Publishing publishing;
  private final Clock clock;
  private final StoreMetrics metrics;

  private StoreState durable;
  private StoreState pending;
  private ArrayDeque<Queued> queue = new ArrayDeque<>();
  private boolean writing;
  /** Durable batches whose requesters have not been answered yet. */
  private final ArrayDeque<ArrayDeque<Queued>> unanswered = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final List<Promise<Void>> drainWaiters = new ArrayList<>();

  /**
   * @param durability makes each batch durable (off the event loop); its future completes on this context
   * @param publishing told of each commit once it is durable, before its requester hears of it
   */
  public CommitPipeline(StoreState initial, ConfigRules rules, Durability durability, Publishing publishing,
      Clock clock, StoreMetrics metrics) {
    this.durable = initial;
    this.pending = initial;
    this.rules = rules;
    this.durability = durability;
    this.publishing = publishing;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The latest durable state: what every reader sees. */
  public StoreState durable() {
    return durable;
  }

  /** Applies a commit; the future completes once it is durable, or fails (CONFLICT, INVALID, STORAGE). */
  public Future<StoreState> commit(CommitRequest request) {
    long start = System.nanoTime();
    Long expected = request.expectedRevision();
    if (expected != null && expected != pending.revision()) {
      metrics.conflict();
      return Future.failedFuture(ConfigFailure.conflict(pending.revision(), expected, pending.effective()));
    }
    ConfigRules.Applied applied;
    try {
      applied = rules.apply(pending, request);
    } catch (ConfigFailure rejected) {
      metrics.rejected();
      return Future.failedFuture(rejected);
    }
    pending = new StoreState(pending.revision() + 1, applied.effective(), applied.overrides(), clock.instant(),
        pending.epoch());
    Promise<StoreState> promise = Promise.promise();
    queue.add(new Queued(new Committed(pending, applied.changedKeys(), request.origin()), promise, start));
    writeNext();
    return promise.future();
  }

  /**
   * The durable state once it has reached {@code revision}; at once when it already has, or when no
   * pending commit will ever reach it.
   */
  public Future<StoreState> awaitRevision(long revision) {
    if (revision <= durable.revision() || revision > pending.revision()) {
      return Future.succeededFuture(durable);
    }
    Promise<StoreState> p = Promise.promise();
    waiters.add(new Waiter(revision, p));
    return p.future();
  }

  /** Completes when no commit is queued or being written (for a clean shutdown). */
  public Future<Void> drain() {
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
    ArrayDeque<Queued> batch = queue;
    queue = new ArrayDeque<>();
    writing = true;
    StoreState target = batch.getLast().commit().state();
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
    for (ArrayDeque<Queued> batch; (batch = unanswered.poll()) != null; ) {
      metrics.batch(batch.size());
      for (Queued q : batch) {
        metrics.committed(q.startNanos());
        log.debug("revision {} durable ({}, changed {})", q.commit().state().revision(), q.commit().origin(),
            q.commit().changedKeys());
        publishing.publish(q.commit());
        q.promise().complete(q.commit().state());
      }
    }
  }

  /** Everything not durable was built on the failed write: it all fails, and pending goes back. */
  private void rollback(ArrayDeque<Queued> batch, Throwable cause) {
    batch.addAll(queue);
    queue.clear();
    log.error("revision {}..{}: write failed, {} commits rolled back to revision {}: {}",
        batch.getFirst().commit().state().revision(), pending.revision(), batch.size(), durable.revision(),
        cause.toString());
    pending = durable;
    metrics.storageFailure(batch.size());
    ConfigFailure failure = cause instanceof ConfigFailure f
        ? f
        : new ConfigFailure(ErrorCode.STORAGE, "the store could not write: " + cause.getMessage());
    for (Queued q : batch) {
      q.promise().fail(failure);
    }
  }

  private void releaseWaiters() {
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (w.revision() <= durable.revision() || w.revision() > pending.revision()) {
        it.remove();
        w.promise().complete(durable);
      }
    }
  }
}
