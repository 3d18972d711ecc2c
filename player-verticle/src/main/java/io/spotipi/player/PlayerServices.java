package io.spotipi.player;

import io.spotipi.player.alarm.AlarmPlayback;
import io.spotipi.player.auth.ClusterTokenRefresh;
import io.spotipi.player.auth.CredentialStore;
import io.spotipi.player.auth.TokenCache;
import io.spotipi.player.auth.TokenRefresh;
import io.spotipi.player.client.AccountsClient;
import io.spotipi.player.client.SpotifyClient;
import io.spotipi.player.device.DeviceCache;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The player's services over one web client, wired once per process. All of them are confined to the
 * event loop of the verticle that created them.
 */
public record PlayerServices(WebClient web, AccountsClient accounts, TokenCache tokens, SpotifyClient spotify,
    DeviceCache devices, AlarmPlayback alarms) {

  /**
   * @param lastKnownDevices the config's {@code last_known_devices} (device name → id), read at each alarm
   */
  public static PlayerServices create(Vertx vertx, PlayerOptions options, CredentialStore store, Clock clock,
      RandomGenerator random, Supplier<Map<String, String>> lastKnownDevices) {
    WebClient web = WebClient.create(vertx, new WebClientOptions().setUserAgent("SpotiPi"));
    AccountsClient accounts = new AccountsClient(web, options.getAccountsUrl(), options.requestTimeout());
    // A token shared by another node must last until an alarm prepared now has played.
    TokenRefresh refresh = new ClusterTokenRefresh(vertx, TokenRefresh.local(accounts, store), store, clock,
        options.prepareTokenValidity().plus(options.tokenRefreshMargin()), options.requestTimeout().multipliedBy(3));
    TokenCache tokens = new TokenCache(clock, options.tokenRefreshMargin(), refresh);
    SpotifyClient spotify = new SpotifyClient(web, options.getApiUrl(), options.requestTimeout(), tokens);
    DeviceCache devices = new DeviceCache(spotify, clock, options.deviceCacheTtl());
    AlarmPlayback alarms = new AlarmPlayback(vertx, spotify, tokens, devices, options, clock, random, lastKnownDevices);
    return new PlayerServices(web, accounts, tokens, spotify, devices, alarms);
  }
}
