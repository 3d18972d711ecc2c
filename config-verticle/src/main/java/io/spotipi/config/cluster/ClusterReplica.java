package io.spotipi.config.cluster;

import io.spotipi.shared.ClusterNames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Lock;
import java.util.Map;

/**
 * The cluster-wide pieces of the store, all from the cluster manager (Hazelcast): the owner lock, the
 * epoch counter, and a distributed map holding each replicated document's head (the newest committed
 * file, as its exact bytes) and each node's last local copy (read only after a full-cluster restart).
 * The map keeps a synchronous backup on another member, so a put that returns has survived the loss
 * of one node.
 */
final class ClusterReplica {
  static final String LOCK = "spotipi.config.owner";
  static final String EPOCH = "spotipi.config.epoch";

  private final Vertx vertx;
  private final AsyncMap<String, String> map;

  private ClusterReplica(Vertx vertx, AsyncMap<String, String> map) {
    this.vertx = vertx;
    this.map = map;
  }

  static Future<ClusterReplica> open(Vertx vertx) {
    return vertx.sharedData().<String, String>getClusterWideMap(ClusterNames.CONFIG_REPLICA_MAP)
        .map(m -> new ClusterReplica(vertx, m));
  }

  /** Waits up to {@code timeoutMs} for ownership (one contender per JVM: Hazelcast locks are re-entrant per thread). */
  Future<Lock> acquireOwnership(long timeoutMs) {
    return vertx.sharedData().getLockWithTimeout(LOCK, timeoutMs);
  }

  /**
   * A fresh fencing token, larger than every one handed out before in this cluster's life and than
   * {@code floor} (the epoch of the state the new owner starts from). Called only under the lock.
   */
  Future<Long> nextEpochAbove(long floor) {
    return vertx.sharedData().getCounter(EPOCH).compose(c -> c.incrementAndGet()
        .compose(e -> e > floor ? Future.succeededFuture(e) : c.addAndGet(floor + 1 - e)));
  }

  /** A head, or null in a cluster that has had no owner yet (fresh or fully restarted). */
  Future<String> head(String key) {
    return map.get(key);
  }

  /**
   * Replaces a head only if it is still {@code expected} (null: only if there is none). A deposed
   * owner's write thus fails: the new owner replaced the head when it claimed it.
   */
  Future<Boolean> replaceHead(String key, String expected, String next) {
    return expected == null
        ? map.putIfAbsent(key, next).map(previous -> previous == null)
        : map.replaceIfPresent(key, expected, next);
  }

  /** Tells a future owner what this node holds on disk (used after a full-cluster restart). */
  Future<Void> announce(String key, String localFile) {
    return map.put(key, localFile);
  }

  /** Every entry: the heads and every node's announced files. */
  Future<Map<String, String>> entries() {
    return map.entries();
  }
}
