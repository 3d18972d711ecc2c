package io.spotipi.player.fake;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.PlayerVerticle;
import io.spotipi.player.controls.ControlsOptions;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ControlsClient;
import io.spotipi.shared.Json;
import io.spotipi.shared.PlayerState;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.message.StateLoadRequest;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real player verticle against the fake Spotify, with credentials, over a real config owner (its
 * config and the player's state section on a temp dir), on a settable clock, with timings in
 * milliseconds: what the controls' tests start from. The player can be redeployed over the same owner
 * (a restart), and more than one can run (a cluster's players).
 */
public final class PlayerStack implements AutoCloseable {
  public final Vertx vertx;
  public final FakeSpotify fake;
  public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  public final ControlsClient controls;
  private final String configDeployment;
  private String playerDeployment;
  private Map<String, String> environment = Map.of();

  private PlayerStack(Vertx vertx, FakeSpotify fake, String configDeployment) {
    this.vertx = vertx;
    this.fake = fake;
    this.configDeployment = configDeployment;
    this.controls = ControlsClient.create(vertx, 30_000);
  }

  /** Timings for tests: fades of a few hundred ms, a look at the clock every 10 ms. */
  public static ControlsOptions fastControls() {
    return new ControlsOptions(10_000, 60_000, 64, 1_000, 50, 20, 200, 4, 60_000, 10, 50);
  }

  /**
   * A config owner on {@code dataDir} (none when null: another fixture runs it) and the fake Spotify
   * with a kitchen speaker; the player is deployed by {@link #deployPlayer}.
   */
  public static PlayerStack start(Vertx vertx, Path dataDir) {
    String owner = dataDir == null ? null : Await.result(vertx.deployVerticle(new ConfigVerticle(),
        new DeploymentOptions().setConfig(new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test")
            .toJson())));
    PlayerStack stack = new PlayerStack(vertx, Await.result(FakeSpotify.start(vertx)), owner);
    stack.fake.player().device("k1", "Kitchen").volume(40);
    stack.fake.player().device("b1", "Bedroom").volume(35);
    return stack;
  }

  /** Credentials with a fresh refresh token in the environment: the next deployed player is connected. */
  public PlayerStack connect() {
    environment = Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID, "SPOTIFY_CLIENT_SECRET",
        FakeAccounts.CLIENT_SECRET, "SPOTIFY_REFRESH_TOKEN", fake.accounts().issueRefreshToken());
    return this;
  }

  /** No credentials anywhere: the next deployed player is not connected. */
  public PlayerStack disconnect() {
    environment = Map.of();
    return this;
  }

  /** Deploys a player (another one when one runs already); returns its deployment id. */
  public String deployPlayer() {
    JsonObject config = Rig.fastOptions(fake.url()).setEnvFile("/nonexistent/spotipi.env").toJson()
        .put("controls", fastControls().toJson());
    playerDeployment = Await.result(vertx.deployVerticle(new PlayerVerticle(environment, clock),
        new DeploymentOptions().setConfig(config)));
    return playerDeployment;
  }

  /** Undeploys the player deployed last and deploys a new one: a restart over the same owner. */
  public void restartPlayer() {
    Await.result(vertx.undeploy(playerDeployment));
    deployPlayer();
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
    Object body = Await.result(vertx.eventBus().request(Addresses.STATE_LOAD,
        new StateLoadRequest(StateSections.PLAYER))).body();
    return PlayerState.fromJson(Json.fromJson(body, StateDocument.class).value());
  }

  @Override
  public void close() {
    Await.result(fake.close());
    if (configDeployment != null) {
      Await.result(vertx.undeploy(configDeployment));
    }
  }
}
