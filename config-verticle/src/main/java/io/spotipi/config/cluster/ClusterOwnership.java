package io.spotipi.config.cluster;

import io.spotipi.config.apply.StoreState;
import io.spotipi.config.storage.LocalStore;
import io.spotipi.config.storage.StoredFile;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.Lock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One config owner at a time in a cluster. Every node with a config verticle competes for the
 * cluster-wide owner lock; the winner takes a new epoch (fencing token), starts from the replicated
 * head (or, after a full-cluster restart, the newest file any node announced), claims the head with
 * its epoch and serves. Each commit batch is acknowledged only after the head is replaced with it,
 * compare-and-set on the bytes the owner last wrote: once a newer owner has claimed the head, a
 * deposed owner (paused, cut off) can no longer acknowledge anything, and it steps down at its first
 * write or fence check. Standbys mirror the head into their own data dir after each change event.
 *
 * <p>Confined to the config verticle's event loop.
 */
public final class ClusterOwnership {
  private static final Logger log = LoggerFactory.getLogger(ClusterOwnership.class);
  static final long LOCK_WAIT_MS = 5_000;
  static final long FENCE_CHECK_MS = 1_000;
  static final long RETRY_MS = 1_000;
  static final long MIRROR_EVERY_MS = 200;

  /** What the verticle does when this node gains or loses ownership. */
  public interface Owner {
    Future<Void> serve(StoreState start);

    void stopServing();
  }

  private final Vertx vertx;
  private final ClusterReplica replica;
  private final LocalStore disk;
  private final String nodeId;
  private final long settleMs;
  private final Owner owner;

  private StoreState local;
  private Lock lock;
  private long epoch;
  private String lastHead;
  private long fenceTimer = -1;
  private boolean stopped;
  private boolean syncing;
  private boolean syncAgain;

  private ClusterOwnership(Vertx vertx, ClusterReplica replica, LocalStore disk, String nodeId, long settleMs,
      Owner owner) {
    this.vertx = vertx;
    this.replica = replica;
    this.disk = disk;
    this.nodeId = nodeId;
    this.settleMs = settleMs;
    this.owner = owner;
  }

  /**
   * Opens the cluster's replica for a node whose copy is {@code disk}.
   *
   * @param settleMs after a full-cluster restart, how long a new owner waits for the others' files
   */
  public static Future<ClusterOwnership> open(Vertx vertx, LocalStore disk, String nodeId, long settleMs,
      Owner owner) {
    return ClusterReplica.open(vertx).map(replica -> new ClusterOwnership(vertx, replica, disk, nodeId, settleMs, owner));
  }

  /**
   * Announces this node's file, catches up with the head, then competes for ownership; all in the
   * background, retried until the cluster answers (it refuses while fewer than a majority of the
   * members are up).
   */
  public void start(StoreState onDisk) {
    local = onDisk;
    join();
  }

  private void join() {
    if (stopped) {
      return;
    }
    replica.announce(nodeId, encode(local))
        .compose(v -> syncFromHead())
        .onSuccess(v -> compete())
        .onFailure(err -> {
          log.info("node {}: the cluster does not answer yet, retrying: {}", nodeId, err.getMessage());
          vertx.setTimer(RETRY_MS, id -> join());
        });
  }

  private boolean owning() {
    return lock != null && epoch > 0;
  }

  // ---- ownership ----------------------------------------------------------------------------------

  private void compete() {
    if (stopped) {
      return;
    }
    replica.acquireOwnership(LOCK_WAIT_MS).onComplete(ar -> {
      if (stopped) {
        if (ar.succeeded()) {
          ar.result().release();
        }
      } else if (ar.succeeded()) {
        takeOver(ar.result());
      } else {
        compete(); // somebody else owns the store: keep waiting
      }
    });
  }

  private void takeOver(Lock acquired) {
    lock = acquired;
    Promise<String> headSeen = Promise.promise();
    replica.head().compose(head -> {
      headSeen.complete(head);
      return head != null ? Future.succeededFuture(parse(head)) : newestAnnounced();
    }).compose(start -> replica.nextEpochAbove(start.epoch()).map(e -> {
      // Above the start's epoch too: after a full restart the counter begins again at 1, and a
      // re-stamped older file must not outrank the newest one.
      epoch = e;
      return start;
    })).compose(start -> {
      StoreState claimed = start.withEpoch(epoch);
      String claim = encode(claimed);
      return disk.persist(claimed)
          .compose(v -> replica.replaceHead(headSeen.future().result(), claim))
          .compose(ok -> ok ? Future.succeededFuture(claimed)
              : Future.failedFuture(new IllegalStateException("the head changed while taking over")))
          .onSuccess(c -> {
            lastHead = claim;
            local = claimed;
          });
    }).compose(claimed -> {
      log.info("revision {}: node {} owns the store at epoch {}", claimed.revision(), nodeId, epoch);
      fenceTimer = vertx.setPeriodic(FENCE_CHECK_MS, id -> checkFence());
      return owner.serve(claimed);
    }).onFailure(err -> {
      log.warn("node {}: taking over failed, retrying: {}", nodeId, err.toString());
      release();
      vertx.setTimer(RETRY_MS, id -> compete());
    });
  }

  /** After a full-cluster restart there is no head: wait for the others to announce, take the newest. */
  private Future<StoreState> newestAnnounced() {
    Promise<Void> settled = Promise.promise();
    vertx.setTimer(Math.max(1, settleMs), id -> settled.complete());
    return settled.future().compose(v -> replica.announced()).map(this::newest);
  }

  private StoreState newest(Map<String, String> announced) {
    StoreState best = local;
    String from = nodeId;
    for (Map.Entry<String, String> e : announced.entrySet()) {
      try {
        StoreState s = parse(e.getValue());
        if (s.isNewerThan(best)) {
          best = s;
          from = e.getKey().substring(ClusterReplica.NODE_PREFIX.length());
        }
      } catch (RuntimeException bad) {
        log.warn("ignoring the file announced by {}: {}", e.getKey(), bad.getMessage());
      }
    }
    log.info("revision {}: no replicated head, starting from the newest announced file (node {}, epoch {})",
        best.revision(), from, best.epoch());
    return best;
  }

  /**
   * Makes a durable local state the cluster's head; the batch is acknowledged only if this succeeds.
   *
   * @return fails with UNAVAILABLE when another owner has taken over (this node then steps down)
   */
  public Future<Void> replicate(StoreState state) {
    String next = encode(state);
    return replica.replaceHead(lastHead, next).transform(ar -> {
      if (ar.succeeded() && ar.result()) {
        lastHead = next;
        local = state;
        return Future.succeededFuture();
      }
      String why = ar.failed() ? "replication failed: " + ar.cause().getMessage()
          : "fenced: a newer owner replaced the head";
      stepDown("revision " + state.revision() + " not acknowledged, " + why);
      return Future.failedFuture(new ConfigFailure(ErrorCode.UNAVAILABLE,
          "this node is no longer the config owner (" + why + "); retry"));
    });
  }

  private void checkFence() {
    if (!owning()) {
      return;
    }
    replica.head().onSuccess(head -> {
      if (owning() && (head == null || parse(head).epoch() != epoch)) {
        stepDown("fenced: the head belongs to another epoch");
      }
    });
  }

  private void stepDown(String reason) {
    if (!owning()) {
      return;
    }
    log.warn("node {} steps down at epoch {}: {}", nodeId, epoch, reason);
    owner.stopServing();
    release();
    syncFromHead().onComplete(ar -> vertx.setTimer(RETRY_MS, id -> compete()));
  }

  private void release() {
    if (fenceTimer >= 0) {
      vertx.cancelTimer(fenceTimer);
      fenceTimer = -1;
    }
    if (lock != null) {
      lock.release();
      lock = null;
    }
    epoch = 0;
  }

  /** Gives up ownership for good (undeploy): a standby takes over at once instead of at failure detection. */
  public void stop() {
    stopped = true;
    release();
  }

  // ---- standby mirror -----------------------------------------------------------------------------

  /**
   * A change event: a standby copies the new head to its own disk, at once after a quiet spell and
   * then at most once per {@link #MIRROR_EVERY_MS} while events keep coming: a mirror per event would
   * cost each standby a head read and an fsync per commit, while the mirror only matters after a
   * full-cluster restart, and the owner's own file is always current.
   */
  public void onChanged() {
    if (owning() || stopped) {
      return;
    }
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    syncFromHead().onComplete(ar -> vertx.setTimer(MIRROR_EVERY_MS, t -> {
      syncing = false;
      if (syncAgain) {
        syncAgain = false;
        onChanged();
      }
    }));
  }

  private Future<Void> syncFromHead() {
    return replica.head().compose(head -> {
      if (head == null) {
        return Future.succeededFuture();
      }
      StoreState s = parse(head);
      if (!s.isNewerThan(local)) {
        return Future.succeededFuture();
      }
      return disk.persist(s).onSuccess(v -> local = s);
    });
  }

  private StoreState parse(String file) {
    return StoredFile.read(disk.rules(), Buffer.buffer(file));
  }

  private static String encode(StoreState s) {
    return StoredFile.encode(s).toString();
  }
}
