package io.spotipi.player.fake;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.PlayerVerticle;
import io.spotipi.player.controls.ControlsOptions;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ControlsClient;
import io.spotipi.shared.Json;
import io.spotipi.shared.PlayerClient;
import io.spotipi.shared.PlayerState;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.StateCommitRequest;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.message.StateLoadRequest;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The real player verticle against the fake Spotify, over a real config owner (its config and the
 * player's state sections on a temp dir), on a settable clock, with timings in milliseconds: what the
 * player's tests start from, reached through the bus as the API and the scheduler reach it
 * ({@link #controls}, {@link #call}). Its credentials come from the environment it is deployed with
 * ({@link #connect}) or from the original's env file, {@link #envFile}, absent until written. The
 * player can be redeployed over the same owner (a restart), and more than one can run (a cluster's
 * players).
 */
public final class PlayerStack implements AutoCloseable {
  public final Vertx vertx;
  public final FakeSpotify fake;
  public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  public final ControlsClient controls;
  /** The original SpotiPi's env file of credentials. */
  public final Path envFile;
  private final Context context;
  private final PlayerClient player;
  private String configDeployment;
  private String playerDeployment;
  private Map<String, String> environment = Map.of();

  private PlayerStack(Vertx vertx, FakeSpotify fake, String configDeployment, Path envFile) {
    this.vertx = vertx;
    this.fake = fake;
    this.configDeployment = configDeployment;
    this.envFile = envFile;
    this.controls = ControlsClient.create(vertx, 30_000);
    this.context = vertx.getOrCreateContext();
    this.player = PlayerClient.create(vertx, 20_000, 60_000);
  }

  /** Timings for tests: fades of a few hundred ms, a look at the clock every 10 ms. */
  public static ControlsOptions fastControls() {
    return new ControlsOptions(10_000, 60_000, 64, 1_000, 50, 20, 200, 4, 60_000, 10, 50);
  }

  /**
   * A config owner on {@code dataDir} (none when null: another fixture runs it) and the fake Spotify
   * with a kitchen (k1, 40 %) and a bedroom (b1, 35 %) speaker; the player is deployed by {@link #deployPlayer}.
   */
  public static PlayerStack start(Vertx vertx, Path dataDir) {
    PlayerStack stack = withoutSpeakers(vertx, dataDir);
    stack.fake.player().device("k1", "Kitchen").volume(40);
    stack.fake.player().device("b1", "Bedroom").volume(35);
    return stack;
  }

  /** The same with no speaker yet; the env file is in {@code dataDir}. */
  public static PlayerStack withoutSpeakers(Vertx vertx, Path dataDir) {
    String owner = dataDir == null ? null : Await.result(vertx.deployVerticle(new ConfigVerticle(),
        new DeploymentOptions().setConfig(new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test")
            .toJson())));
    Path envFile = dataDir == null ? Path.of("/nonexistent/spotipi.env") : dataDir.resolve("spotify.env");
    return new PlayerStack(vertx, Await.result(FakeSpotify.start(vertx)), owner, envFile);
  }

  /** The variables of the original's env file, with this refresh token, as the process environment. */
  public static Map<String, String> credentials(String refreshToken) {
    return Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID, "SPOTIFY_CLIENT_SECRET", FakeAccounts.CLIENT_SECRET,
        "SPOTIFY_REFRESH_TOKEN", refreshToken);
  }

  /** Credentials with a fresh refresh token in the environment: the next deployed player is connected. */
  public PlayerStack connect() {
    environment = credentials(fake.accounts().issueRefreshToken());
    return this;
  }

  /** No credentials anywhere: the next deployed player is not connected. */
  public PlayerStack disconnect() {
    environment = Map.of();
    return this;
  }

  /** The original's env file with the fake's client and this refresh token. */
  public void writeEnvFile(String refreshToken) throws IOException {
    Files.writeString(envFile, "# SpotiPi\nSPOTIFY_CLIENT_ID=" + FakeAccounts.CLIENT_ID + "\nSPOTIFY_CLIENT_SECRET=\""
        + FakeAccounts.CLIENT_SECRET + "\"\nSPOTIFY_REFRESH_TOKEN=" + refreshToken + "\n");
  }

  /** Deploys a player (another one when one runs already); returns its deployment id. */
  public String deployPlayer() {
    JsonObject config = Rig.fastOptions(fake.url()).setEnvFile(envFile.toString()).toJson()
        .put("controls", fastControls().toJson());
    playerDeployment = Await.result(vertx.deployVerticle(new PlayerVerticle(environment, clock),
        new DeploymentOptions().setConfig(config)));
    return playerDeployment;
  }

  /** Undeploys the player deployed last and deploys a new one: a restart over the same owner. */
  public void restartPlayer() {
    redeployPlayer(environment);
  }

  /** The player deployed last, if any, undeployed, and one deployed with this environment (a restart). */
  public PlayerStack redeployPlayer(Map<String, String> environment) {
    if (playerDeployment != null) {
      Await.result(vertx.undeploy(playerDeployment));
    }
    this.environment = environment;
    deployPlayer();
    return this;
  }

  public void advance(Duration d) {
    clock.set(clock.instant().plus(d));
  }

  /** Waits, bounded by {@link Await#TIMEOUT_SECONDS}, until {@code condition} holds. */
  public static void await(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Await.TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("never happened: " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /**
   * Waits until the players have read the clock {@code times} more times: their timers look at it
   * every few ms, so by then anything due would have happened.
   */
  public void clockReadAgain(int times) {
    long seen = clock.reads();
    await("the clock read " + times + " more times", () -> clock.reads() >= seen + times);
  }

  /** A request to the player through {@link PlayerClient}, as the API and the scheduler send them; its answer. */
  public <T> T call(Function<PlayerClient, Future<T>> request) {
    return Await.on(context, () -> request.apply(player));
  }

  /** The same for a request that fails: its failure. */
  public <T> Throwable failure(Function<PlayerClient, Future<T>> request) {
    return Await.failure(Await.call(context, () -> request.apply(player)));
  }

  /** Merges {@code patch} into the user's config, as a commit to the owner. */
  public void configure(JsonObject patch) {
    Await.result(vertx.eventBus().request(Addresses.CONFIG_COMMIT, CommitRequest.patch(null, patch, "test")));
  }

  /** What the scheduler publishes when an alarm fires (a manual trigger too), fired now by the clock. */
  public AlarmFired fireAlarm(String occurrence, AlarmSpec alarm) {
    Instant now = clock.instant();
    AlarmFired fired = new AlarmFired(occurrence, now, now, 0, alarm);
    vertx.eventBus().publish(Addresses.ALARM_FIRED, Json.toJson(fired));
    return fired;
  }

  /** The player state section as the owner has it now. */
  public PlayerState playerState() {
    return PlayerState.fromJson(section(StateSections.PLAYER).value());
  }

  /** The Spotify section (the credentials) as the owner has it now. */
  public StateDocument spotifySection() {
    return section(StateSections.SPOTIFY);
  }

  /** The credentials as the owner keeps them. */
  public SpotifyState stored() {
    return SpotifyState.fromJson(spotifySection().value());
  }

  /** Writes the Spotify section as another node's player would. */
  public void storeAsAnotherNode(SpotifyState value) {
    Await.result(vertx.eventBus().request(Addresses.STATE_COMMIT,
        new StateCommitRequest(StateSections.SPOTIFY, null, value.toJson(), "test")));
  }

  /** How many token requests the fake's accounts service answered. */
  public int tokenRequests() {
    return fake.requests("POST", "/api/token").size();
  }

  private StateDocument section(String name) {
    Object body = Await.result(vertx.eventBus().request(Addresses.STATE_LOAD, new StateLoadRequest(name))).body();
    return Json.fromJson(body, StateDocument.class);
  }

  /** Undeploys the config owner this stack started: no owner answers from now on. */
  public void stopOwner() {
    Await.result(vertx.undeploy(configDeployment));
    configDeployment = null;
  }

  @Override
  public void close() {
    Await.result(fake.close());
    if (configDeployment != null) {
      Await.result(vertx.undeploy(configDeployment));
    }
  }
}
