package io.spotipi.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.PlayerStack;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerClient;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.shared.testing.Await;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A player that starts before any config owner answers (a cluster still electing one): it starts,
 * its requests answer UNAVAILABLE (an alarm: failed, UNAVAILABLE) rather than "not connected" for
 * credentials it could not read, and once an owner serves it reads them.
 */
@ExtendWith(VertxExtension.class)
class WithoutAnOwnerTest {

  @Test
  void requestsAnswerUnavailableUntilTheOwnerServesThenTheCredentialsApply(Vertx vertx, @TempDir Path dir) {
    FakeSpotify fake = Await.result(FakeSpotify.start(vertx));
    try {
      PlayerOptions options = Rig.fastOptions(fake.url()).setRequestTimeoutMs(200).setPlayDeadlineMs(200)
          .setEnvFile(dir.resolve("none.env").toString());
      Await.result(vertx.deployVerticle(new PlayerVerticle(PlayerStack.credentials(
          fake.accounts().issueRefreshToken()), Clock.systemUTC()), new DeploymentOptions().setConfig(options.toJson())));
      PlayerClient player = PlayerClient.create(vertx, 5_000, 5_000);
      ConfigFailure unread = assertInstanceOf(ConfigFailure.class, Await.failure(player.status()));
      assertEquals(ErrorCode.UNAVAILABLE, unread.code());
      assertTrue(unread.getMessage().contains("could not be read from the config owner"), unread.getMessage());
      PlayOutcome outcome = Await.result(player.play(PlayerVerticleTest.fired()));
      assertEquals(ErrorCode.UNAVAILABLE, outcome.failure(), outcome.detail());

      Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions().setConfig(
          new ConfigVerticleOptions().setDataDir(dir.resolve("data").toString()).setEnv("test").toJson())));
      PlayerStack.await("connected once the owner serves", () -> Await.result(player.status().map(s -> s.connected()).otherwise(false)));
    } finally {
      Await.result(fake.close());
    }
  }
}
