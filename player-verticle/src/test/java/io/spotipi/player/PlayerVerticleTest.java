package io.spotipi.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.shared.message.SpotifyStatus;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.InMemoryCredentialStore;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.testing.Await;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The deployed verticle: where its credentials come from, what survives a restart, alarms through it. */
@ExtendWith(VertxExtension.class)
class PlayerVerticleTest {
  private static final AlarmSpec ALARM = new AlarmSpec("07:00", List.of(0, 1, 2, 3, 4),
      "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", "Kitchen", 25, false, false);

  private Vertx vertx;
  private FakeSpotify fake;
  private InMemoryCredentialStore store;
  private Path envFile;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dir) {
    this.vertx = vertx;
    fake = Await.result(FakeSpotify.start(vertx));
    fake.player().device("k1", "Kitchen");
    store = new InMemoryCredentialStore(vertx);
    envFile = dir.resolve(".spotipi/.env");
  }

  @AfterEach
  void stop() {
    Await.result(fake.close());
  }

  private void writeEnvFile(String refreshToken) throws Exception {
    Files.createDirectories(envFile.getParent());
    Files.writeString(envFile, "# SpotiPi\nSPOTIFY_CLIENT_ID=" + FakeAccounts.CLIENT_ID + "\nSPOTIFY_CLIENT_SECRET=\""
        + FakeAccounts.CLIENT_SECRET + "\"\nSPOTIFY_REFRESH_TOKEN=" + refreshToken + "\n");
  }

  private PlayerVerticle deploy(Map<String, String> environment) {
    PlayerVerticle verticle = new PlayerVerticle(store, environment, Clock.systemUTC(), Map::of);
    PlayerOptions options = Rig.fastOptions(fake.url()).setEnvFile(envFile.toString());
    Await.result(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(options.toJson())));
    return verticle;
  }

  private static AlarmFired fired() {
    Instant now = Instant.now();
    return new AlarmFired(now.toString(), now, now, 0, ALARM);
  }

  private List<String> refreshTokensAsked() {
    return fake.requests("POST", "/api/token").stream().map(r -> r.body()).toList();
  }

  @Test
  void theOriginalsEnvFileConnectsAndTheAlarmPlays() throws Exception {
    writeEnvFile(fake.accounts().issueRefreshToken());
    PlayerVerticle player = deploy(Map.of());
    SpotifyStatus status = Await.result(player.status());
    assertEquals("connected", status.state());
    assertNull(status.authorizedAt());
    PlayOutcome outcome = Await.result(player.play(fired()));
    assertTrue(outcome.played(), outcome.detail());
    assertEquals("k1", outcome.deviceId());
    assertEquals(1, Await.result(player.status()).token().refreshesTotal());
    assertEquals(List.of("Kitchen"), Await.result(player.devices(false)).stream().map(d -> d.name()).toList());
  }

  @Test
  void withoutAnyCredentialsTheAlarmReportsNotConnected() {
    PlayerVerticle player = deploy(Map.of());
    assertEquals("not_configured", Await.result(player.status()).state());
    assertEquals("Spotify not connected", Await.result(player.play(fired())).detail());
    assertEquals(0, fake.requests().size());
  }

  @Test
  void theEnvironmentWinsOverTheFile() throws Exception {
    writeEnvFile("a-token-spotify-never-issued");
    String valid = fake.accounts().issueRefreshToken();
    PlayerVerticle player = deploy(Map.of("SPOTIFY_REFRESH_TOKEN", valid));
    assertTrue(Await.result(player.play(fired())).played());
    assertTrue(refreshTokensAsked().get(0).contains(valid));
  }

  @Test
  void aRotatedRefreshTokenStaysInUseAfterARestartThoughTheFileHoldsTheOldOne() throws Exception {
    fake.accounts().rotate(true);
    String original = fake.accounts().issueRefreshToken();
    writeEnvFile(original);
    PlayerVerticle first = deploy(Map.of());
    assertTrue(Await.result(first.play(fired())).played());
    String rotated = fake.accounts().latestRefreshToken();
    assertFalse(fake.accounts().refreshTokenValid(original));
    Await.result(vertx.undeploy(first.deploymentID()));

    PlayerVerticle second = deploy(Map.of());
    assertTrue(Files.readString(envFile).contains(original), "the file still holds the old token");
    assertTrue(Await.result(second.play(fired())).played());
    assertTrue(refreshTokensAsked().get(1).contains(rotated), refreshTokensAsked().toString());
    assertEquals("connected", Await.result(second.status()).state());
  }

  @Test
  void storedCredentialsWinUntilDeleted() throws Exception {
    String stored = fake.accounts().issueRefreshToken();
    String inFile = fake.accounts().issueRefreshToken();
    writeEnvFile(inFile);
    Instant authorized = Instant.parse("2026-10-01T08:00:00Z");
    store.put(new SpotifyCredentials(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, stored, authorized));
    PlayerVerticle player = deploy(Map.of());
    assertEquals(authorized, Await.result(player.status()).authorizedAt());
    Await.result(player.prepare("2026-12-01T06:00:00Z", ALARM));
    assertTrue(refreshTokensAsked().get(0).contains(stored));

    Await.result(store.delete());
    assertNull(Await.result(player.reloadCredentials()).authorizedAt());
    Await.result(player.prepare("2026-12-01T06:00:00Z", ALARM));
    assertTrue(refreshTokensAsked().get(1).contains(inFile));
  }
}
