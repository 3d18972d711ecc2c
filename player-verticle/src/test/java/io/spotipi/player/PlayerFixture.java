package io.spotipi.player;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.PlayerClient;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.StateChanged;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A real config owner on a temp dir, the fake Spotify, and a {@link PlayerVerticle} over both, reached
 * through the bus with {@link PlayerClient} as the API and the scheduler reach it. The player's clock
 * is {@link #clock}; its env file is {@code <dir>/spotify.env}, absent until written.
 */
final class PlayerFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-12-01T05:00:00Z");

  final Vertx vertx;
  final Path dir;
  final Path envFile;
  final FakeSpotify fake;
  final MutableClock clock = new MutableClock(T0);
  final Context context;
  final PlayerClient player;
  final StateClient state;
  final ConfigClient config;
  final List<ConfigChanged> configEvents = new CopyOnWriteArrayList<>();
  final List<StateChanged> stateEvents = new CopyOnWriteArrayList<>();
  private String playerDeployment;

  PlayerFixture(Vertx vertx, Path dir) {
    this.vertx = vertx;
    this.dir = dir;
    this.envFile = dir.resolve("spotify.env");
    this.fake = Await.result(FakeSpotify.start(vertx));
    Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions().setConfig(
        new ConfigVerticleOptions().setDataDir(dir.resolve("data").toString()).setEnv("test").toJson())));
    this.context = vertx.getOrCreateContext();
    this.player = PlayerClient.create(vertx, 20_000, 60_000);
    this.state = Await.on(context, () -> {
      StateClient c = StateClient.create(vertx, new ConfigClientOptions("test"));
      c.onChange(stateEvents::add);
      return c.ready().map(c);
    });
    this.config = Await.on(context, () -> {
      ConfigClient c = ConfigClient.create(vertx, new ConfigClientOptions("test"));
      c.onChange(configEvents::add);
      return c.ready().map(c);
    });
  }

  PlayerOptions options() {
    return Rig.fastOptions(fake.url()).setEnvFile(envFile.toString());
  }

  /** Deploys the player with this environment (a restart when one runs: undeployed first). */
  PlayerFixture deploy(Map<String, String> environment) {
    return deploy(environment, options());
  }

  PlayerFixture deploy(Map<String, String> environment, PlayerOptions options) {
    if (playerDeployment != null) {
      Await.result(vertx.undeploy(playerDeployment));
    }
    playerDeployment = Await.result(vertx.deployVerticle(new PlayerVerticle(environment, clock),
        new DeploymentOptions().setConfig(options.toJson())));
    return this;
  }

  /** The original's env file with the fake's client and this refresh token. */
  void writeEnvFile(String refreshToken) throws Exception {
    Files.writeString(envFile, "# SpotiPi\nSPOTIFY_CLIENT_ID=" + FakeAccounts.CLIENT_ID + "\nSPOTIFY_CLIENT_SECRET=\""
        + FakeAccounts.CLIENT_SECRET + "\"\nSPOTIFY_REFRESH_TOKEN=" + refreshToken + "\n");
  }

  /** The variables of the original's env file, as the process environment. */
  static Map<String, String> environment(String refreshToken) {
    return Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID, "SPOTIFY_CLIENT_SECRET", FakeAccounts.CLIENT_SECRET,
        "SPOTIFY_REFRESH_TOKEN", refreshToken);
  }

  <T> T call(Function<PlayerClient, Future<T>> request) {
    return Await.on(context, () -> request.apply(player));
  }

  <T> Throwable failure(Function<PlayerClient, Future<T>> request) {
    return Await.failure(Await.call(context, () -> request.apply(player)));
  }

  StateDocument spotifySection() {
    return Await.on(context, () -> state.load(StateSections.SPOTIFY));
  }

  SpotifyState stored() {
    return SpotifyState.fromJson(spotifySection().value());
  }

  /** Writes the section as another node's player would. */
  void storeAsAnotherNode(SpotifyState value) {
    Await.on(context, () -> state.commit(StateSections.SPOTIFY, null, value.toJson()));
  }

  /** Waits, bounded, until {@code condition} holds: for what follows an event. */
  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  int tokenRequests() {
    return fake.requests("POST", "/api/token").size();
  }

  @Override
  public void close() {
    Await.result(fake.close());
  }
}
