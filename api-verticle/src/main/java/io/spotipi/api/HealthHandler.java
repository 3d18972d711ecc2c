package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/** {@code /healthz} (the process lives) and {@code /readyz} (this node serves: see {@link #ready}). */
final class HealthHandler {
  static final long READY_TIMEOUT_MS = 1_000;
  /** Liveness answers whatever the {@code Host}: probes name the machine in ways no one configures. */
  static final String LIVE_PATH = "/healthz";

  private final ConfigClient client;

  HealthHandler(ConfigClient client) {
    this.client = client;
  }

  void live(RoutingContext rc) {
    Replies.json(rc, 200, new JsonObject().put("status", "UP").toBuffer());
  }

  /**
   * Ready: this node answers reads, and its store is not known to be degraded. So ready while the
   * config owner answers, and during a failover (in a cluster, for the failover wait after the owner
   * was found gone) from the revision it last knew, marked stale; not ready before it ever knew one,
   * while the owner reports a degraded store, and once no owner has answered for longer than a
   * failover takes (at once on a single node, which has none).
   */
  void ready(RoutingContext rc) {
    if (client.failoverUnderWay()) {
      readyFromCache(rc);
      return;
    }
    client.status().timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(ar -> {
      if (ar.succeeded() && ar.result().degraded()) {
        rc.fail(Problem.of(503, "not ready: the store is degraded: " + ar.result().degradedReason())
            .header("Retry-After", Problem.RETRY_AFTER_UNAVAILABLE));
      } else if (ar.succeeded()) {
        Replies.json(rc, 200, new JsonObject().put("status", "READY").put("revision", ar.result().revision())
            .put("stale", false).toBuffer());
      } else if (client.stale() && !client.failoverUnderWay()) {
        String why = ar.cause() instanceof ConfigFailure f ? f.getMessage()
            : "the config owner did not answer within " + READY_TIMEOUT_MS + " ms";
        rc.fail(Problem.of(503, "not ready: " + why).header("Retry-After", Problem.RETRY_AFTER_UNAVAILABLE));
      } else {
        readyFromCache(rc); // the status went to an owner that is gone, but one answers (or may soon)
      }
    });
  }

  private void readyFromCache(RoutingContext rc) {
    client.load().onSuccess(known -> {
      JsonObject body = new JsonObject().put("status", "READY").put("revision", known.revision())
          .put("stale", known.stale());
      if (known.stale()) {
        body.put("detail", "no config owner answers, a failover is under way: reads answer revision "
            + known.revision() + ", commits 503 until a new owner serves");
      }
      Replies.stale(rc.response(), known.stale());
      Replies.json(rc, 200, body.toBuffer());
    }).onFailure(rc::fail);
  }
}
