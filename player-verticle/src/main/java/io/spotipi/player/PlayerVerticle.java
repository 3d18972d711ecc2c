package io.spotipi.player;

import io.spotipi.player.alarm.AlarmPlayback;
import io.spotipi.player.auth.CredentialSources;
import io.spotipi.player.auth.CredentialStore;
import io.spotipi.player.auth.SpotifyStatus;
import io.spotipi.player.auth.TokenCache;
import io.spotipi.player.auth.TokenRefresh;
import io.spotipi.player.client.AccountsClient;
import io.spotipi.player.client.SpotifyClient;
import io.spotipi.player.device.DeviceCache;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the process's one Spotify client and token cache, and the alarm playback over them. Deployed
 * with {@link PlayerOptions#toJson()} as its config; the start completes once the credentials are
 * loaded (an absent env file or none at all is fine: alarms then report "Spotify not connected").
 *
 * <p>The services below are confined to this verticle's event loop: use them from its own handlers
 * (or {@code context.runOnContext}), never from another verticle's thread.
 */
public class PlayerVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(PlayerVerticle.class);

  private final CredentialStore store;
  private final Map<String, String> environment;
  private final Clock clock;
  private final Supplier<Map<String, String>> lastKnownDevices;

  private PlayerOptions options;
  private WebClient web;
  private CredentialSources sources;
  private AccountsClient accounts;
  private TokenCache tokens;
  private SpotifyClient spotify;
  private DeviceCache devices;
  private AlarmPlayback alarms;

  /**
   * @param environment where {@code SPOTIFY_CLIENT_ID} and friends are looked up (the process's: {@link System#getenv()})
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
    web = WebClient.create(vertx, new WebClientOptions().setUserAgent("SpotiPi"));
    sources = new CredentialSources(vertx.fileSystem(), store, environment, options.envFilePath());
    accounts = new AccountsClient(web, options.getAccountsUrl(), options.requestTimeout());
    tokens = new TokenCache(clock, options.tokenRefreshMargin(), TokenRefresh.local(accounts, store));
    spotify = new SpotifyClient(web, options.getApiUrl(), options.requestTimeout(), tokens);
    devices = new DeviceCache(spotify, clock, options.deviceCacheTtl());
    alarms = new AlarmPlayback(vertx, spotify, tokens, devices, options, clock, new Random(), lastKnownDevices);
    return reloadCredentials();
  }

  @Override
  public Future<?> stop() {
    web.close();
    return Future.succeededFuture();
  }

  /**
   * Looks the credentials up again (the store first, then the environment and the env file) and
   * switches the token cache to them: after they were stored or deleted.
   */
  public Future<SpotifyStatus> reloadCredentials() {
    return sources.load().map(found -> {
      if (found.isEmpty()) {
        log.info("no Spotify credentials (store, environment, {}): alarms report '{}'", options.envFilePath(),
            TokenCache.NOT_CONNECTED);
        tokens.use(null);
      } else {
        log.info("Spotify credentials from {}: {}", found.get().origin(), found.get().credentials());
        tokens.use(found.get().credentials());
      }
      return tokens.status();
    });
  }

  public PlayerOptions options() {
    return options;
  }

  public AccountsClient accounts() {
    return accounts;
  }

  public TokenCache tokens() {
    return tokens;
  }

  public SpotifyClient spotify() {
    return spotify;
  }

  public DeviceCache devices() {
    return devices;
  }

  public AlarmPlayback alarms() {
    return alarms;
  }
}
