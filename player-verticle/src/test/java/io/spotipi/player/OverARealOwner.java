package io.spotipi.player;

import io.spotipi.player.fake.PlayerStack;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the deployed player: a fresh {@link PlayerStack} per test, its fake listing the speaker
 * "Kitchen" (k1), its clock at {@link #T0}; each test deploys the player with the environment it needs.
 */
@ExtendWith(VertxExtension.class)
abstract class OverARealOwner {
  static final Instant T0 = Instant.parse("2026-12-01T05:00:00Z");

  PlayerStack f;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dir) {
    f = PlayerStack.withoutSpeakers(vertx, dir);
    f.clock.set(T0);
    f.fake.player().device("k1", "Kitchen");
  }

  @AfterEach
  void stop() {
    f.close();
  }
}
