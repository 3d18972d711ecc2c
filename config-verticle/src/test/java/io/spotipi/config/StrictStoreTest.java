package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.BlockedThreadWatch;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real owner on a fresh temp dir per test; each test also proves no event loop was blocked. */
abstract class StrictStoreTest {
  @TempDir
  Path dir;
  Vertx vertx;
  BlockedThreadWatch watch;
  StoreFixture store;

  @BeforeEach
  void startStore() {
    watch = BlockedThreadWatch.install();
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
  }

  @AfterEach
  void stopStore() {
    Await.result(vertx.close());
    watch.close();
    assertEquals(List.of(), watch.warnings(), "an event loop was blocked");
  }
}
