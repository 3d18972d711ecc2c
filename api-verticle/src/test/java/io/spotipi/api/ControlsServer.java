package io.spotipi.api;

import io.spotipi.player.fake.PlayerStack;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * The API and a real config owner ({@link ApiServer}) with the real player against the fake Spotify
 * ({@link PlayerStack}) on the same Vert.x: the player's routes end to end.
 */
final class ControlsServer implements AutoCloseable {
  final ApiServer api;
  final PlayerStack player;

  private ControlsServer(ApiServer api, PlayerStack player) {
    this.api = api;
    this.player = player;
  }

  /** @param connected whether the player has Spotify credentials */
  static ControlsServer start(Path dir, boolean connected) {
    ApiServer api = ApiServer.start(dir, new JsonObject());
    PlayerStack player = PlayerStack.start(api.vertx, null);
    if (connected) {
      player.connect();
    }
    player.deployPlayer();
    return new ControlsServer(api, player);
  }

  @Override
  public void close() {
    player.close();
    api.close();
  }
}
