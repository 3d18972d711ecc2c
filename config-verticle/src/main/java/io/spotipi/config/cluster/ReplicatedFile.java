package io.spotipi.config.cluster;

import io.spotipi.config.apply.Durability;
import io.spotipi.config.apply.Revisioned;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document the owner replicates (the user's config, the internal state): its head in the
 * replica map, which every acknowledged write replaces by compare-and-set on the exact bytes this
 * owner last wrote; this node's announced copy; and the mirror of the head into this node's data dir.
 *
 * <p>Confined to the config verticle's event loop.
 */
final class ReplicatedFile<S extends Revisioned<S>> {
  private static final Logger log = LoggerFactory.getLogger(ReplicatedFile.class);

  private final String name;
  private final ClusterReplica replica;
  private final String headKey;
  private final String nodePrefix;
  private final Function<S, String> encode;
  private final Function<String, S> parse;
  private final Durability<S> writeLocal;

  /** The newest copy on this node's disk that the cluster acknowledged (or this node mirrored). */
  private S local;
  /** The head as this owner last wrote it. */
  private String lastHead;

  /**
   * @param name names the document in logs and its keys in the replica map
   * @param writeLocal writes a copy to this node's data dir
   */
  ReplicatedFile(String name, ClusterReplica replica, Function<S, String> encode, Function<String, S> parse,
      Durability<S> writeLocal, S onDisk) {
    this.name = name;
    this.replica = replica;
    this.headKey = name + ":head";
    this.nodePrefix = name + ":node:";
    this.encode = encode;
    this.parse = parse;
    this.writeLocal = writeLocal;
    this.local = onDisk;
  }

  /** Tells a future owner what this node holds on disk. */
  Future<Void> announce(String nodeId) {
    return replica.announce(nodePrefix + nodeId, encode.apply(local));
  }

  /** The head's bytes, or null when there is none. */
  Future<String> head() {
    return replica.head(headKey);
  }

  S parse(String head) {
    return parse.apply(head);
  }

  /** The newest of this node's copy and those the others announced (after a full-cluster restart). */
  S newestAnnounced(Map<String, String> entries) {
    S best = local;
    String from = "this node";
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (!e.getKey().startsWith(nodePrefix)) {
        continue;
      }
      try {
        S s = parse.apply(e.getValue());
        if (s.isNewerThan(best)) {
          best = s;
          from = e.getKey().substring(nodePrefix.length());
        }
      } catch (RuntimeException bad) {
        log.warn("ignoring the {} announced by {}: {}", name, e.getKey(), bad.getMessage());
      }
    }
    log.info("{} revision {}: no replicated head, starting from the newest announced copy (node {}, epoch {})",
        name, best.revision(), from, best.epoch());
    return best;
  }

  /**
   * Takes ownership of the head: {@code start} stamped with the new epoch, written locally, then put
   * in place of {@code seenHead}. Fails when the head changed meanwhile.
   */
  Future<S> claim(String seenHead, S start, long epoch) {
    S claimed = start.withEpoch(epoch);
    String claim = encode.apply(claimed);
    return writeLocal.persist(claimed)
        .compose(v -> replica.replaceHead(headKey, seenHead, claim))
        .compose(ok -> ok ? Future.succeededFuture(claimed)
            : Future.failedFuture(new IllegalStateException("the " + name + " head changed while taking over")))
        .onSuccess(c -> {
          lastHead = claim;
          local = claimed;
        });
  }

  /**
   * Makes a durable local state the head.
   *
   * @return false when the head is not what this owner last wrote: a newer owner claimed it
   */
  Future<Boolean> replicate(S state) {
    String next = encode.apply(state);
    return replica.replaceHead(headKey, lastHead, next).onSuccess(ok -> {
      if (ok) {
        lastHead = next;
        local = state;
      }
    });
  }

  /** Copies the head to this node's disk when it is newer than the local copy. */
  Future<Void> syncFromHead() {
    return head().compose(head -> {
      if (head == null) {
        return Future.succeededFuture();
      }
      S s = parse.apply(head);
      if (!s.isNewerThan(local)) {
        return Future.succeededFuture();
      }
      return writeLocal.persist(s).onSuccess(v -> local = s);
    });
  }
}
