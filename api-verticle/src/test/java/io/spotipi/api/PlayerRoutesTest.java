package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.player.fake.PlayerStack;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API and a real config owner ({@link ApiServer}) with the real, connected player against the fake
 * Spotify ({@link PlayerStack}) on the same Vert.x, for each test: the player's routes end to end.
 */
@ExtendWith(VertxExtension.class)
abstract class PlayerRoutesTest {
  @TempDir
  Path dir;
  ApiServer api;
  PlayerStack player;

  @BeforeEach
  void startServer() {
    api = ApiServer.start(dir, new JsonObject());
    player = PlayerStack.start(api.vertx, null).connect();
    player.deployPlayer();
  }

  @AfterEach
  void stopServer() {
    player.close();
    api.close();
  }

  /** The JSON object of a 200. */
  static JsonObject ok(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }
}
