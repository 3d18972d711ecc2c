package io.spotipi.api;

import io.spotipi.shared.testing.Await;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One API server (real config owner, no rate limit) for a test class, and a fresh {@link ScriptedPlayer}
 * beside it for each test. Registered as {@code @RegisterExtension static final ScriptedPlayerApi}.
 */
final class ScriptedPlayerApi implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  ApiServer api;
  ScriptedPlayer player;
  private String playerDeployment;
  private Path dataDir;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("api-test");
    api = ApiServer.start(dataDir, new JsonObject().put("rateLimit", "off"));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    player = new ScriptedPlayer();
    playerDeployment = Await.result(api.vertx.deployVerticle(player));
  }

  /** Takes the player away: the node runs none. */
  void undeployPlayer() {
    if (playerDeployment != null) {
      Await.result(api.vertx.undeploy(playerDeployment));
      playerDeployment = null;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    undeployPlayer();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    api.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
