package io.spotipi.app;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.TokenMatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.eventbus.bridge.tcp.BridgeEvent;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP event-bus bridge for non-JVM clients ({@code --bridge-port}): frames of a 4-byte big-endian
 * length and a JSON object. Only an allow-list crosses it: loads and alarm status in, change and
 * fired events out, and commits in only when an API token is configured and the frame's
 * {@code headers.token} carries it. The internal state ({@code spotipi.state.*}: secrets among it)
 * never crosses, whatever the frame carries. On a node with a scheduler, a status request goes to that
 * scheduler ({@code localOnly}), never to another node's, which may be dead while the cluster lists it.
 * The bridge itself writes the records the owner replies with as JSON objects (Vert.x's Jackson codec
 * serializes them), so no conversion is done here.
 */
final class BridgeSetup {
  /** The header of a bridge frame that carries the API token of a commit. */
  static final String TOKEN_HEADER = "token";

  private static final Logger log = LoggerFactory.getLogger(BridgeSetup.class);
  private static final List<String> INBOUND = List.of(Addresses.CONFIG_LOAD, Addresses.ALARM_STATUS);
  private static final List<String> OUTBOUND = List.of(Addresses.CONFIG_CHANGED, Addresses.ALARM_FIRED);

  private BridgeSetup() {
  }

  /**
   * Starts the bridge on {@code host:port}; it closes with Vert.x.
   *
   * @param localScheduler whether this node runs a scheduler, which then answers the status requests
   */
  static Future<TcpEventBusBridge> start(Vertx vertx, String host, int port, String apiToken,
      boolean localScheduler) {
    BridgeOptions permitted = new BridgeOptions();
    INBOUND.forEach(address -> permitted.addInboundPermitted(new PermittedOptions().setAddress(address)));
    OUTBOUND.forEach(address -> permitted.addOutboundPermitted(new PermittedOptions().setAddress(address)));
    if (apiToken != null) {
      permitted.addInboundPermitted(new PermittedOptions().setAddress(Addresses.CONFIG_COMMIT));
    }
    FrameCheck check = new FrameCheck(apiToken == null ? null : new TokenMatcher(apiToken), localScheduler);
    return TcpEventBusBridge.create(vertx, permitted, null, check::handle).listen(port, host)
        .recover(err -> Future.failedFuture(new IllegalStateException(
            "the event-bus bridge cannot listen on " + host + ":" + port + ": " + err.getMessage(), err)))
        .onSuccess(bridge -> log.info("Event-bus bridge listening on {}:{} (commits {})", host, port,
            apiToken == null ? "refused: no API token set" : "with the API token"));
  }

  /**
   * Lets a commit through only with the right token, which it strips before the frame reaches the bus;
   * keeps a status request on this node when it runs a scheduler (the bridge reads {@code localOnly}
   * from the frame's headers).
   */
  private record FrameCheck(TokenMatcher apiToken, boolean localScheduler) {
    void handle(BridgeEvent event) {
      JsonObject frame = event.getRawMessage();
      boolean inbound = event.type() == BridgeEventType.SEND || event.type() == BridgeEventType.PUBLISH;
      String address = frame == null ? null : frame.getString("address");
      if (inbound && localScheduler && Addresses.ALARM_STATUS.equals(address)) {
        JsonObject headers = frame.getJsonObject("headers");
        frame.put("headers", (headers == null ? new JsonObject() : headers).put("localOnly", true));
      }
      if (!inbound || !Addresses.CONFIG_COMMIT.equals(address)) {
        event.complete(true);
        return;
      }
      JsonObject headers = frame.getJsonObject("headers");
      Object token = headers == null ? null : headers.remove(TOKEN_HEADER);
      boolean allowed = apiToken != null && token instanceof String given && apiToken.matches(given);
      if (!allowed) {
        log.warn("bridge commit refused from {}: missing or wrong token", event.socket().remoteAddress());
      }
      event.complete(allowed);
    }
  }
}
