package io.spotipi.shared;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The reads of one {@link ConfigClient}: the near cache first; a miss is one round trip to the owner,
 * shared by every read that waits for it; and while the owner does not answer, the last snapshot
 * known, marked stale, instead of a failure or a timeout per read. Confined to its client's context.
 */
final class ConfigReads {
  private final Vertx vertx;
  private final NearCache cache;
  private final OwnerWatch owner;
  /** One request for a snapshot of at least the given revision (null: any), remembered in the cache. */
  private final Function<Long, Future<ConfigSnapshot>> fetcher;
  private final long staleAfterMs;
  private Fetch inFlight;
  private long lastProbeNanos;
  private long refreshTimer = -1;

  ConfigReads(Vertx vertx, NearCache cache, OwnerWatch owner, Function<Long, Future<ConfigSnapshot>> fetcher,
      long staleAfterMs) {
    this.vertx = vertx;
    this.cache = cache;
    this.owner = owner;
    this.fetcher = fetcher;
    this.staleAfterMs = staleAfterMs;
    this.lastProbeNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(staleAfterMs);
  }

  /**
   * The fresh snapshot; else the owner's, unless it does not answer within {@code staleAfterMs}: then
   * the last one known, marked stale (at once while the owner is known to be unreachable).
   */
  Future<ConfigSnapshot> load() {
    ConfigSnapshot snap = cache.lookup(-1);
    if (owner.unreachable()) {
      ConfigSnapshot known = staleAndProbe(-1);
      if (known != null) {
        return Future.succeededFuture(known);
      }
    } else if (snap != null) {
      return Future.succeededFuture(snap);
    }
    Fetch f = shared(cache.announced());
    return cache.stale(-1) == null ? f.reply : f.orStale();
  }

  /**
   * At least {@code minRevision}: the fresh snapshot, else the owner's. While the owner is known to be
   * unreachable, the last one known, marked stale, if it is that new, else an UNAVAILABLE failure at once.
   */
  Future<ConfigSnapshot> load(long minRevision) {
    ConfigSnapshot snap = cache.lookup(minRevision);
    if (owner.unreachable()) {
      ConfigSnapshot known = staleAndProbe(minRevision);
      return known != null ? Future.succeededFuture(known) : Future.failedFuture(new ConfigFailure(
          ErrorCode.UNAVAILABLE, "no config owner answers, and revision " + minRevision + " is not known here"));
    }
    return snap != null ? Future.succeededFuture(snap) : shared(Math.max(minRevision, cache.announced())).reply;
  }

  /** The fresh snapshot (stale while the owner is unreachable), or {@code null}. */
  ConfigSnapshot loadCached() {
    ConfigSnapshot snap = cache.peek();
    return snap != null && owner.unreachable() ? staleAndProbe(-1) : snap;
  }

  /**
   * Keeps the last snapshot known close to the store without a request per commit: after a change or
   * an invalidation (and when the client starts), asks the owner once within staleAfterMs unless a read
   * did. So a client that is rarely read still has something recent to answer should the owner die.
   */
  void refreshSoon() {
    if (refreshTimer < 0) {
      refreshTimer = vertx.setTimer(staleAfterMs, id -> {
        refreshTimer = -1;
        if (!cache.hasFresh()) {
          shared(cache.announced());
        }
      });
    }
  }

  /** The last snapshot known, marked stale; asks the owner again in the background, at most every staleAfterMs. */
  private ConfigSnapshot staleAndProbe(long minRevision) {
    long now = System.nanoTime();
    if (inFlight == null && now - lastProbeNanos >= TimeUnit.MILLISECONDS.toNanos(staleAfterMs)) {
      lastProbeNanos = now;
      shared(cache.announced());
    }
    return cache.stale(minRevision);
  }

  /**
   * One round trip for a snapshot of at least {@code minRevision} (none: -1), shared by every caller
   * while it is under way unless one needs a newer revision: the losers of a compare-and-set race all
   * wait for the same winner, and a burst of cache misses is one request.
   */
  private Fetch shared(long minRevision) {
    if (inFlight != null && inFlight.minRevision >= minRevision) {
      return inFlight;
    }
    Fetch f = new Fetch(minRevision);
    inFlight = f;
    // A request with nobody serving the address fails at once, before this line: it must not stay shared.
    f.reply.onComplete(ar -> {
      if (inFlight == f) {
        inFlight = null;
      }
    });
    return f;
  }

  /** One request to the owner and the reads waiting for it. */
  private final class Fetch {
    final long minRevision;
    final Future<ConfigSnapshot> reply;
    private Future<ConfigSnapshot> orStale;

    Fetch(long minRevision) {
      this.minRevision = minRevision;
      this.reply = fetcher.apply(minRevision < 0 ? null : minRevision);
    }

    /**
     * The reply; or, when the owner does not answer within staleAfterMs or cannot be reached, the last
     * snapshot known, marked stale. The request goes on and refreshes the cache if it succeeds late.
     */
    Future<ConfigSnapshot> orStale() {
      if (orStale == null) {
        Promise<ConfigSnapshot> answer = Promise.promise();
        long timer = vertx.setTimer(staleAfterMs, id -> {
          owner.silent();
          answer.tryComplete(cache.stale(-1));
        });
        reply.onComplete(ar -> {
          vertx.cancelTimer(timer);
          if (ar.succeeded()) {
            answer.tryComplete(ar.result());
          } else if (ConfigFailure.from(ar.cause()).code() == ErrorCode.UNAVAILABLE) {
            answer.tryComplete(cache.stale(-1));
          } else {
            answer.tryFail(ar.cause());
          }
        });
        orStale = answer.future();
      }
      return orStale;
    }
  }
}
