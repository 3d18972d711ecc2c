package io.spotipi.player;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the deployed player: a fresh {@link PlayerFixture} per test, its fake listing the speaker "Kitchen" (k1). */
@ExtendWith(VertxExtension.class)
abstract class OverARealOwner {
  PlayerFixture f;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dir) {
    f = new PlayerFixture(vertx, dir);
    f.fake.player().device("k1", "Kitchen");
  }

  @AfterEach
  void stop() {
    f.close();
  }
}
