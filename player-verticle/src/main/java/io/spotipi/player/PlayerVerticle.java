package io.spotipi.player;

import io.spotipi.player.auth.CredentialSources;
import io.spotipi.player.auth.StateCredentialStore;
import io.spotipi.player.connect.ConnectFlow;
import io.spotipi.player.controls.PlayerControls;
import io.spotipi.player.device.LastKnownDevices;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

/**
 * The node's Spotify player: one Spotify client and token cache per process, the alarms played over
 * them, and the connect flow, all behind local event-bus consumers ({@link PlayerEndpoints}). Its
 * credentials live in the config owner's internal state ({@link StateCredentialStore}), followed on
 * every node; the devices last seen come from the config's near cache. Deployed with
 * {@link PlayerOptions#toJson()} as its config; the start does not wait for an owner (in a cluster one
 * may still be elected): requests wait, bounded, until the credentials were read.
 */
public class PlayerVerticle extends VerticleBase {
  private final Map<String, String> environment;
  private final Clock clock;

  private StateClient state;
  private ConfigClient config;
  private PlayerServices services;
  private CredentialsLoader credentials;
  private PlayerEndpoints endpoints;

  /** Production: the process environment and the system clock. */
  public PlayerVerticle() {
    this(System.getenv(), Clock.systemUTC());
  }

  /**
   * @param environment where {@code SPOTIFY_CLIENT_ID} and the others are looked up
   */
  public PlayerVerticle(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    PlayerOptions options = PlayerOptions.fromJson(config());
    state = StateClient.create(vertx, new ConfigClientOptions("player"));
    config = ConfigClient.create(vertx, new ConfigClientOptions("player"));
    StateCredentialStore store = new StateCredentialStore(state);
    CredentialSources sources = new CredentialSources(vertx.fileSystem(), store, environment, options.envFilePath());
    LastKnownDevices lastKnown = new LastKnownDevices(config);
    services = PlayerServices.create(vertx, options, store, clock, new Random(), lastKnown);
    credentials = new CredentialsLoader(vertx, sources, services.tokens());
    state.onChange(changed -> {
      if (StateSections.SPOTIFY.equals(changed.section())) {
        credentials.reload(false);
      }
    });
    ConnectFlow connect = new ConnectFlow(services.accounts(), sources, store, clock);
    endpoints = new PlayerEndpoints(options, clock, services, store, credentials, connect);
    return Future.all(state.ready(), config.ready(), endpoints.register(vertx.eventBus()))
        .onSuccess(v -> lastKnown.load())
        .compose(v -> credentials.start())
        .compose(v -> PlayerControls.start(vertx, config(), new PlayerControls.Wiring(services, options, clock, config,
            state, lastKnown, () -> credentials.ready(options.requestTimeout()))));
  }

  @Override
  public Future<?> stop() {
    credentials.stop();
    services.web().close();
    return Future.all(endpoints.unregister(), state.close(), config.close());
  }
}
