package io.spotipi.player;

import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.player.auth.CredentialSources;
import io.spotipi.player.auth.CredentialStore;
import io.spotipi.shared.message.SpotifyStatus;
import io.spotipi.player.auth.TokenCache;
import io.spotipi.player.client.Device;
import io.spotipi.player.controls.PlayerControls;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the process's one Spotify client and token cache, and plays alarms over them. Deployed with
 * {@link PlayerOptions#toJson()} as its config; the start completes once the credentials are loaded
 * (none at all is fine: alarms then report "Spotify not connected"). Its public methods may be called
 * from any thread: each runs on this verticle's event loop, where its services live.
 */
public class PlayerVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(PlayerVerticle.class);

  private final CredentialStore store;
  private final Map<String, String> environment;
  private final Clock clock;
  private final Supplier<Map<String, String>> lastKnownDevices;

  private PlayerOptions options;
  private CredentialSources sources;
  private PlayerServices services;

  /**
   * @param environment where {@code SPOTIFY_CLIENT_ID} and the others are looked up ({@link System#getenv()})
   * @param lastKnownDevices the config's {@code last_known_devices} (device name → id), read at each alarm
   */
  public PlayerVerticle(CredentialStore store, Map<String, String> environment, Clock clock,
      Supplier<Map<String, String>> lastKnownDevices) {
    this.store = store;
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.lastKnownDevices = lastKnownDevices;
  }

  @Override
  public Future<?> start() {
    options = PlayerOptions.fromJson(config());
    sources = new CredentialSources(vertx.fileSystem(), store, environment, options.envFilePath());
    services = PlayerServices.create(vertx, options, store, clock, new Random(), lastKnownDevices);
    return reloadCredentials().compose(v -> PlayerControls.start(vertx, services, options, clock, config()));
  }

  @Override
  public Future<?> stop() {
    services.web().close();
    return Future.succeededFuture();
  }

  /** Plays a fired alarm; the deadline is {@link PlayerOptions#playDeadline()} from now. Never fails. */
  public Future<PlayOutcome> play(AlarmFired fired) {
    return onLoop(() -> services.alarms().play(fired.occurrence(), fired.alarm(),
        clock.instant().plus(options.playDeadline())));
  }

  /** Gets ready for an alarm due in about {@link PlayerOptions#prepareAhead()}. */
  public Future<Void> prepare(String occurrence, AlarmSpec alarm) {
    return onLoop(() -> services.alarms().prepare(occurrence, alarm));
  }

  /** The shape of {@code GET /api/spotify/status}. */
  public Future<SpotifyStatus> status() {
    return onLoop(() -> Future.succeededFuture(services.tokens().status()));
  }

  /** Spotify's devices, briefly cached; {@code refresh} asks Spotify anyway. */
  public Future<List<Device>> devices(boolean refresh) {
    return onLoop(() -> services.devices().devices(refresh));
  }

  /**
   * Looks the credentials up again (the store first, then the environment and the env file) and
   * switches the token cache to them: at the start, and after credentials were stored or deleted.
   */
  public Future<SpotifyStatus> reloadCredentials() {
    return onLoop(() -> sources.load().map(found -> {
      TokenCache tokens = services.tokens();
      if (found.isEmpty()) {
        log.info("no Spotify credentials (store, environment, {}): alarms report '{}'", options.envFilePath(),
            TokenCache.NOT_CONNECTED);
        tokens.use(null);
      } else {
        log.info("Spotify credentials from {}: {}", found.get().origin(), found.get().credentials());
        tokens.use(found.get().credentials());
      }
      return tokens.status();
    }));
  }

  private <T> Future<T> onLoop(Supplier<Future<T>> work) {
    if (Vertx.currentContext() == context) {
      return work.get();
    }
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(result));
    return result.future();
  }
}
