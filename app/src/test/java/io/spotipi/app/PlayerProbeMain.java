package io.spotipi.app;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.Json;
import io.spotipi.shared.PlayerClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Main} for the cluster tests of the player, with one more listener on 127.0.0.1 (port from
 * {@code -Dspotipi.probe.port}): {@code GET /} asks this node's own player for Spotify's devices
 * through {@link PlayerClient}, as the API's routes do, and answers its reply or its failure's code.
 * It logs {@code probe ready} once it listens.
 */
public final class PlayerProbeMain {
  private PlayerProbeMain() {
  }

  public static void main(String[] args) throws UsageException, java.io.IOException {
    Main.routeLibraryLogging();
    Logger log = LoggerFactory.getLogger(PlayerProbeMain.class);
    AppOptions options = AppOptions.parse(List.of(args), System.getenv()).orElseThrow();
    Vertx vertx = Main.run(options, NodeId.resolve(options.dataDir(), options.nodeId()), log).vertx();
    PlayerClient player = PlayerClient.create(vertx, 30_000, 120_000);
    int port = Integer.getInteger("spotipi.probe.port");
    vertx.createHttpServer().requestHandler(req -> player.devices(true).onComplete(ar -> {
      if (ar.succeeded()) {
        req.response().end(Json.toJson(ar.result()).encode());
      } else {
        ConfigFailure f = ConfigFailure.from(ar.cause());
        req.response().setStatusCode(f.code().httpStatus())
            .end(new JsonObject().put("code", f.code().name()).put("message", f.getMessage()).encode());
      }
    })).listen(port, "127.0.0.1").onSuccess(s -> log.info("probe ready on {}", port));
  }
}
