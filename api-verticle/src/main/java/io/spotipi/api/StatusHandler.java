package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.message.StoreStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/thread-safety/*}: the original's status shape, filled with what matters in this design
 * (revisions and counters instead of lock statistics), and the cluster-wide cache invalidation.
 */
final class StatusHandler {
  private final ConfigClient client;
  private final EventsHandler events;
  private final ApiOptions options;

  StatusHandler(ConfigClient client, EventsHandler events, ApiOptions options) {
    this.client = client;
    this.events = events;
    this.options = options;
  }

  /**
   * Every figure sits in {@code thread_safety_stats} (where the original's clients look) and, for
   * readers of this API, at the top level too.
   */
  void status(RoutingContext rc) {
    client.status().onSuccess(s -> {
      JsonObject stats = stats(s);
      Replies.json(rc, 200, stats.copy().put("thread_safety_stats", stats).toBuffer());
    }).onFailure(rc::fail);
  }

  private JsonObject stats(StoreStatus s) {
    long hits = client.cacheHits();
    long lookups = hits + client.cacheMisses();
    return new JsonObject()
        .put("current_thread", Thread.currentThread().getName())
        .put("active_threads", Thread.activeCount())
        .put("cache_valid", client.loadCached() != null) // a lookup too: it counts from the next status on
        .put("transaction_history_count", s.historyCount())
        .put("change_listeners_count", events.watcherCount())
        .put("revision", s.revision())
        .put("owner", s.owner())
        .put("env", s.env())
        .put("commits_total", s.commitsTotal())
        .put("conflicts_total", s.conflictsTotal())
        .put("rejected_total", s.rejectedTotal())
        .put("storage_failures_total", s.storageFailuresTotal())
        .put("cache_hit_rate", lookups == 0 ? 0.0 : (double) hits / lookups)
        .put("commit_latency_ms", new JsonObject()
            .put("p50", s.commitLatencyMs() == null ? 0.0 : s.commitLatencyMs().p50())
            .put("p99", s.commitLatencyMs() == null ? 0.0 : s.commitLatencyMs().p99()))
        .put("batch_size_avg", s.batchSizeAvg())
        .put("degraded", s.degraded())
        .put("degraded_reason", s.degradedReason())
        .put("recovered_from", s.recoveredFrom())
        .put("event_loop_threads", options.eventLoopThreads())
        .put("worker_threads", options.workerThreads());
  }

  void invalidate(RoutingContext rc) {
    client.invalidateAll();
    Replies.json(rc, 200, new JsonObject().put("invalidated", true).toBuffer());
  }
}
