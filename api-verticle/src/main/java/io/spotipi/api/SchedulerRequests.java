package io.spotipi.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * How the API reaches the scheduler: this node's when it runs one (a local-only request), so a request
 * never lands on the consumer of a scheduler that died while the cluster still lists it; on a node
 * that runs none ({@code --verticles config,api}), any node's.
 */
final class SchedulerRequests {
  private final EventBus bus;
  private final DeliveryOptions thisNode;
  private final DeliveryOptions anyNode;

  SchedulerRequests(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.thisNode = new DeliveryOptions().setLocalOnly(true).setSendTimeout(timeoutMs);
    this.anyNode = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** A read: asked of another node's scheduler, it is asked once more if it times out (the bus sends it on). */
  Future<Message<Object>> read(String address, Object body) {
    return bus.request(address, body, thisNode).recover(err -> !failed(err, ReplyFailure.NO_HANDLERS)
        ? Future.failedFuture(err)
        : bus.request(address, body, anyNode).recover(again -> failed(again, ReplyFailure.TIMEOUT)
            ? bus.request(address, body, anyNode) : Future.failedFuture(again)));
  }

  /** A request that acts (fires an alarm): never sent twice. */
  Future<Message<Object>> act(String address, Object body) {
    return bus.request(address, body, thisNode).recover(err -> failed(err, ReplyFailure.NO_HANDLERS)
        ? bus.request(address, body, anyNode) : Future.failedFuture(err));
  }

  private static boolean failed(Throwable err, ReplyFailure how) {
    return err instanceof ReplyException re && re.failureType() == how;
  }
}
