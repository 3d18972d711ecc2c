package io.spotipi.player.controls;

import io.spotipi.player.fake.PlayerStack;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A connected player over a fresh config owner and the fake Spotify for each test ({@link PlayerStack}). */
@ExtendWith(VertxExtension.class)
abstract class StackTest {
  PlayerStack stack;

  @BeforeEach
  void startStack(Vertx vertx, @TempDir Path dir) {
    stack = PlayerStack.start(vertx, dir).connect();
    stack.deployPlayer();
  }

  @AfterEach
  void stopStack() {
    stack.close();
  }
}
