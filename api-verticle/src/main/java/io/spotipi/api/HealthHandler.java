package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/** {@code /healthz} (the process lives) and {@code /readyz} (the owner answers and is not degraded). */
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

  void ready(RoutingContext rc) {
    client.status().timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(ar -> {
      if (ar.failed()) {
        String why = ar.cause() instanceof ConfigFailure f ? f.getMessage()
            : "the config owner did not answer within " + READY_TIMEOUT_MS + " ms";
        rc.fail(Problem.of(503, "not ready: " + why).header("Retry-After", Problem.RETRY_AFTER_UNAVAILABLE));
      } else if (ar.result().degraded()) {
        rc.fail(Problem.of(503, "not ready: the store is degraded: " + ar.result().degradedReason())
            .header("Retry-After", Problem.RETRY_AFTER_UNAVAILABLE));
      } else {
        Replies.json(rc, 200, new JsonObject().put("status", "READY").put("revision", ar.result().revision())
            .toBuffer());
      }
    });
  }
}
