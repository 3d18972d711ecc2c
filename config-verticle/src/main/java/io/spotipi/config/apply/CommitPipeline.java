package io.spotipi.config.apply;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer apply loop of the user's config: every commit is checked (compare-and-set on
 * the revision), applied in arrival order to the pending state with the next revision, and handed
 * to a {@link GroupCommit}, which acknowledges it once the write holding it is durable.
 *
 * <p>Confined to the owning verticle's event loop: no locks, because nothing else touches it.
 */
public final class CommitPipeline {
  private static final Logger log = LoggerFactory.getLogger(CommitPipeline.class);

  /** A durable commit, handed to {@link Publishing} in revision order. */
  public record Committed(StoreState state, List<String> changedKeys, String origin) {
  }

  private final ConfigRules rules;
  private final Clock clock;
  private final StoreMetrics metrics;
  private final GroupCommit<StoreState, Committed> writes;

  /**
   * @param durability makes each batch durable (off the event loop); its future completes on this context
   * @param publishing told of each commit once it is durable, before its requester hears of it
   */
  public CommitPipeline(StoreState initial, ConfigRules rules, Durability<StoreState> durability,
      Publishing publishing, Clock clock, StoreMetrics metrics) {
    this.rules = rules;
    this.clock = clock;
    this.metrics = metrics;
    this.writes = new GroupCommit<>(initial, durability, new GroupCommit.Listener<>() {
      @Override
      public void durable(Committed c, long startNanos) {
        metrics.committed(startNanos);
        log.debug("revision {} durable ({}, changed {})", c.state().revision(), c.origin(), c.changedKeys());
        publishing.publish(c);
      }

      @Override
      public void batch(int size) {
        metrics.batch(size);
      }

      @Override
      public void failed(int commits) {
        metrics.storageFailure(commits);
      }
    });
  }

  /** The latest durable state: what every reader sees. */
  public StoreState durable() {
    return writes.durable();
  }

  /** Applies a commit; the future completes once it is durable, or fails (CONFLICT, INVALID, STORAGE). */
  public Future<StoreState> commit(CommitRequest request) {
    long start = System.nanoTime();
    StoreState pending = writes.pending();
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
    StoreState next = new StoreState(pending.revision() + 1, applied.effective(), applied.overrides(),
        clock.instant(), pending.epoch());
    return writes.submit(next, new Committed(next, applied.changedKeys(), request.origin()), start);
  }

  /**
   * The durable state once it has reached {@code revision}; at once when it already has, or when no
   * pending commit will ever reach it.
   */
  public Future<StoreState> awaitRevision(long revision) {
    return writes.awaitRevision(revision);
  }

  /** Completes when no commit is queued or being written (for a clean shutdown). */
  public Future<Void> drain() {
    return writes.drain();
  }
}
