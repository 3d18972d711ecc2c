package io.spotipi.config.cluster;

import io.spotipi.config.apply.InternalState;
import io.spotipi.config.apply.StoreState;
import io.spotipi.config.storage.LocalStore;
import io.spotipi.config.storage.StateFile;
import io.spotipi.config.storage.StoredFile;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One config owner at a time in a cluster. Every node with a config verticle competes for the
 * cluster-wide owner lock; the winner takes a new epoch (fencing token), starts from the replicated
 * heads of the user's config and of the internal state (or, after a full-cluster restart, the newest
 * files any node announced), claims both heads with its epoch and serves. Each commit batch is
 * acknowledged only after its head is replaced with it, compare-and-set on the bytes the owner last
 * wrote: once a newer owner has claimed the heads, a deposed owner (paused, cut off) can no longer
 * acknowledge anything, and it steps down at its first write or fence check. Standbys mirror the
 * heads into their own data dir after each change event.
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
    Future<Void> serve(StoreState config, InternalState state);

    void stopServing();
  }

  /** Where a new owner starts: each head as it found it, and the documents parsed from them. */
  private record Start(String configHead, StoreState config, String stateHead, InternalState state) {
  }

  private final Vertx vertx;
  private final ClusterReplica replica;
  private final ReplicatedFile<StoreState> config;
  private final ReplicatedFile<InternalState> state;
  private final String nodeId;
  private final long settleMs;
  private final Owner owner;

  private Lock lock;
  private long epoch;
  private long fenceTimer = -1;
  private boolean stopped;
  private boolean syncing;
  private boolean syncAgain;

  private ClusterOwnership(Vertx vertx, ClusterReplica replica, LocalStore disk, String nodeId, long settleMs,
      Owner owner) {
    this.vertx = vertx;
    this.replica = replica;
    this.config = new ReplicatedFile<>("config", replica, s -> StoredFile.encode(s).toString(),
        head -> StoredFile.read(disk.rules(), Buffer.buffer(head)), disk::persist, disk.onDisk());
    this.state = new ReplicatedFile<>("state", replica, s -> StateFile.encode(s).toString(),
        head -> StateFile.decode(Buffer.buffer(head)), disk::persistState, disk.internalOnDisk());
    this.nodeId = nodeId;
    this.settleMs = settleMs;
    this.owner = owner;
  }

  /**
   * Opens the cluster's replica for a node whose copies are {@code disk}'s.
   *
   * @param settleMs after a full-cluster restart, how long a new owner waits for the others' files
   */
  public static Future<ClusterOwnership> open(Vertx vertx, LocalStore disk, String nodeId, long settleMs,
      Owner owner) {
    return ClusterReplica.open(vertx).map(replica -> new ClusterOwnership(vertx, replica, disk, nodeId, settleMs, owner));
  }

  /**
   * Announces this node's files, catches up with the heads, then competes for ownership; all in the
   * background, retried until the cluster answers (it refuses while fewer than a majority of the
   * members are up).
   */
  public void start() {
    if (stopped) {
      return;
    }
    config.announce(nodeId)
        .compose(v -> state.announce(nodeId))
        .compose(v -> syncFromHeads())
        .onSuccess(v -> compete())
        .onFailure(err -> {
          log.info("node {}: the cluster does not answer yet, retrying: {}", nodeId, err.getMessage());
          vertx.setTimer(RETRY_MS, id -> start());
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
    findStart().compose(start -> replica.nextEpochAbove(Math.max(start.config().epoch(), start.state().epoch()))
        .map(e -> {
          // Above the start's epoch too: after a full restart the counter begins again at 1, and a
          // re-stamped older file must not outrank the newest one.
          epoch = e;
          return start;
        })
    ).compose(start -> config.claim(start.configHead(), start.config(), epoch)
        .compose(claimedConfig -> state.claim(start.stateHead(), start.state(), epoch)
            .compose(claimedState -> {
              log.info("revision {}: node {} owns the store at epoch {} (state revision {})",
                  claimedConfig.revision(), nodeId, epoch, claimedState.revision());
              fenceTimer = vertx.setPeriodic(FENCE_CHECK_MS, id -> checkFence());
              return owner.serve(claimedConfig, claimedState);
            }))
    ).onFailure(err -> {
      log.warn("node {}: taking over failed, retrying: {}", nodeId, err.toString());
      release();
      vertx.setTimer(RETRY_MS, id -> compete());
    });
  }

  /**
   * The heads; after a full-cluster restart there are none: wait for the others to announce their
   * files, then take the newest of each.
   */
  private Future<Start> findStart() {
    return config.head().compose(configHead -> state.head().compose(stateHead -> {
      if (configHead != null && stateHead != null) {
        return Future.succeededFuture(new Start(configHead, config.parse(configHead), stateHead,
            state.parse(stateHead)));
      }
      Future<Void> settled = configHead == null ? settle() : Future.succeededFuture();
      return settled.compose(v -> replica.entries()).map(entries -> new Start(
          configHead, configHead != null ? config.parse(configHead) : config.newestAnnounced(entries),
          stateHead, stateHead != null ? state.parse(stateHead) : state.newestAnnounced(entries)));
    }));
  }

  private Future<Void> settle() {
    Promise<Void> settled = Promise.promise();
    vertx.setTimer(Math.max(1, settleMs), id -> settled.complete());
    return settled.future();
  }

  /**
   * Makes a durable local config the cluster's head; the batch is acknowledged only if this succeeds.
   *
   * @return fails with UNAVAILABLE when another owner has taken over (this node then steps down)
   */
  public Future<Void> replicate(StoreState s) {
    return fenced(config.replicate(s), "revision " + s.revision());
  }

  /** As {@link #replicate}, for the internal state. */
  public Future<Void> replicateState(InternalState s) {
    return fenced(state.replicate(s), "state revision " + s.revision());
  }

  private Future<Void> fenced(Future<Boolean> replaced, String what) {
    return replaced.transform(ar -> {
      if (ar.succeeded() && ar.result()) {
        return Future.succeededFuture();
      }
      String why = ar.failed() ? "replication failed: " + ar.cause().getMessage()
          : "fenced: a newer owner replaced the head";
      stepDown(what + " not acknowledged, " + why);
      return Future.failedFuture(new ConfigFailure(ErrorCode.UNAVAILABLE,
          "this node is no longer the config owner (" + why + "); retry"));
    });
  }

  private void checkFence() {
    if (!owning()) {
      return;
    }
    config.head().onSuccess(head -> {
      if (owning() && (head == null || config.parse(head).epoch() != epoch)) {
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
    syncFromHeads().onComplete(ar -> vertx.setTimer(RETRY_MS, id -> compete()));
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
   * A change event (config or state): a standby copies the new heads to its own disk, at once after
   * a quiet spell and then at most once per {@link #MIRROR_EVERY_MS} while events keep coming: a
   * mirror per event would cost each standby a head read and an fsync per commit, while the mirror
   * only matters after a full-cluster restart, and the owner's own files are always current.
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
    syncFromHeads().onComplete(ar -> vertx.setTimer(MIRROR_EVERY_MS, t -> {
      syncing = false;
      if (syncAgain) {
        syncAgain = false;
        onChanged();
      }
    }));
  }

  private Future<Void> syncFromHeads() {
    return config.syncFromHead().compose(v -> state.syncFromHead());
  }
}
