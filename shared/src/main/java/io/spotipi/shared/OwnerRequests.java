package io.spotipi.shared;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.concurrent.TimeUnit;

/**
 * Requests to the config owner as {@link ConfigClient} and {@link StateClient} send them: replies
 * mapped to records, failures to {@link ConfigFailure}s, and every outcome told to this node's
 * {@link OwnerWatch}. A read only the owner can answer waits through a failover.
 */
final class OwnerRequests {
  /** How often a read only the owner can answer asks again while a failover is under way. */
  static final long RETRY_MS = 250;

  private final Vertx vertx;
  private final EventBus bus;
  private final OwnerWatch watch;
  /** An owner-only read waits this long for each answer: a request on a dead owner's consumer is not the last. */
  private final DeliveryOptions ownerReadDelivery;
  private final long failoverWaitMs;

  /** Timeouts as {@link ConfigClientOptions} has them; no failover wait on a single node. */
  OwnerRequests(Vertx vertx, ConfigClientOptions options) {
    EventBusCodecs.register(vertx);
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.watch = OwnerWatch.of(vertx);
    this.ownerReadDelivery = new DeliveryOptions().setSendTimeout(options.getStaleReadAfterMs());
    this.failoverWaitMs = vertx.isClustered() ? options.getFailoverWaitMs() : 0;
  }

  OwnerWatch watch() {
    return watch;
  }

  /** Whether the owner became unreachable less than the failover wait ago: a new one is expected. */
  boolean failoverUnderWay() {
    return watch.unreachable() && watch.unreachableMs() < failoverWaitMs;
  }

  <T> Future<T> request(String address, Object body, DeliveryOptions delivery, Class<T> replyType) {
    return bus.request(address, body, delivery).transform(ar -> {
      if (ar.succeeded()) {
        watch.answered();
        return Future.succeededFuture(Json.fromJson(ar.result().body(), replyType));
      }
      ConfigFailure f = ConfigFailure.from(ar.cause());
      watch.failed(f);
      return Future.failedFuture(f);
    });
  }

  /**
   * A read only the owner can answer. Each attempt waits the stale-read time for its answer (a live
   * owner answers these at once; a request the bus sent to a dead owner's consumer gets none), and is
   * made again every {@link #RETRY_MS} while nobody serves and a failover is under way, or while an
   * owner answers other requests (a new one: the failed attempt went to the old one), within the
   * failover wait; so the read succeeds once the new owner serves. After that, and on a single node,
   * it fails UNAVAILABLE at its first attempt.
   */
  <T> Future<T> ownerRead(String address, Object body, Class<T> replyType) {
    return ownerRead(address, body, replyType, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(failoverWaitMs));
  }

  private <T> Future<T> ownerRead(String address, Object body, Class<T> replyType, long deadlineNanos) {
    return request(address, body, ownerReadDelivery, replyType).recover(err -> {
      ConfigFailure f = (ConfigFailure) err;
      if (f.code() != ErrorCode.UNAVAILABLE) {
        return Future.failedFuture(f);
      }
      boolean again = failoverUnderWay() || (!watch.unreachable() && System.nanoTime() < deadlineNanos);
      if (!again) {
        return Future.failedFuture(new ConfigFailure(ErrorCode.UNAVAILABLE,
            "no config owner answers, and " + address + " needs one: " + f.getMessage()));
      }
      return vertx.timer(RETRY_MS, TimeUnit.MILLISECONDS)
          .compose(v -> ownerRead(address, body, replyType, deadlineNanos));
    });
  }
}
