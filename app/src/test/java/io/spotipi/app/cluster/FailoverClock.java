package io.spotipi.app.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a failover from the kill of the owner: to the first commit of a probe that sends a small
 * commit every {@link #PROBE_EVERY} without waiting for the answers (so one request stuck on the dead
 * owner does not hide the new one), and to the first acknowledged commit of the load's clients.
 */
final class FailoverClock {
  static final Duration PROBE_EVERY = Duration.ofMillis(100);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
  private volatile long killedAt;
  private final AtomicLong firstProbeAt = new AtomicLong();
  private final AtomicLong firstClientCommitAt = new AtomicLong();

  void killed() {
    killedAt = System.nanoTime();
  }

  /** An acknowledged commit of a load client whose request left at {@code sentAt} (System.nanoTime). */
  void committed(long sentAt) {
    long kill = killedAt;
    if (kill != 0 && sentAt >= kill) {
      firstClientCommitAt.compareAndSet(0, System.nanoTime());
    }
  }

  /** Probes through {@code node} until a probe commit succeeds; false when none did within {@code limit}. */
  boolean probe(ClusterNode node, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    for (int i = 0; firstProbeAt.get() == 0 && System.nanoTime() < deadline; i++) {
      node.patchAsync("/api/config", "{\"failover_probe\": " + i + "}", PROBE_TIMEOUT).thenAccept(response -> {
        if (response.statusCode() == 200) {
          firstProbeAt.compareAndSet(0, System.nanoTime());
        }
      });
      Thread.sleep(PROBE_EVERY.toMillis());
    }
    return firstProbeAt.get() != 0;
  }

  /** Kill to the first successful probe commit. */
  Duration probeFailover() {
    return Duration.ofNanos(firstProbeAt.get() - killedAt);
  }

  /** Kill to the first acknowledged commit of a load client, or null when none came yet. */
  Duration clientFailover() {
    long at = firstClientCommitAt.get();
    return at == 0 ? null : Duration.ofNanos(at - killedAt);
  }
}
