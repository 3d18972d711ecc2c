package io.spotipi.shared;

import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one node (one Vert.x instance) knows about the config owner: since when its requests to the
 * owner find nobody (no handler, no reply in time, an owner that stepped down), until one is
 * answered again or a change event shows an owner at work. Every client of the node reports to the
 * same watch, so a failure one of them met spares the others a timeout each: their reads answer
 * from what they last knew at once, marked stale. Thread-safe: the clients may run on different
 * event loops.
 */
final class OwnerWatch {
  private static final long REACHABLE = Long.MIN_VALUE;
  private static final Map<Vertx, OwnerWatch> WATCHES = Collections.synchronizedMap(new WeakHashMap<>());

  /** {@link System#nanoTime()} when the owner was found unreachable, or {@link #REACHABLE}. */
  private final AtomicLong unreachableSince = new AtomicLong(REACHABLE);

  /** The watch of this Vert.x instance. */
  static OwnerWatch of(Vertx vertx) {
    return WATCHES.computeIfAbsent(vertx, v -> new OwnerWatch());
  }

  /**
   * A request to the owner failed with {@code failure}: UNAVAILABLE means nobody serves; any other
   * failure (a conflict, a failing disk, ...) is the owner's own answer.
   */
  void failed(ConfigFailure failure) {
    if (failure.code() == ErrorCode.UNAVAILABLE) {
      unreachableSince.compareAndSet(REACHABLE, System.nanoTime());
    } else {
      answered();
    }
  }

  /** Nobody answered in the time a read waits. */
  void silent() {
    unreachableSince.compareAndSet(REACHABLE, System.nanoTime());
  }

  /** The owner answered, or a sign of one arrived (a change event, an invalidation): ask it again. */
  void answered() {
    if (unreachableSince.get() != REACHABLE) {
      unreachableSince.set(REACHABLE);
    }
  }

  boolean unreachable() {
    return unreachableSince.get() != REACHABLE;
  }

  /** How long the owner has been unreachable, in ms; 0 while it answers. */
  long unreachableMs() {
    long since = unreachableSince.get();
    return since == REACHABLE ? 0 : Math.max(1, (System.nanoTime() - since) / 1_000_000);
  }
}
