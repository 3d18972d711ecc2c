package io.spotipi.player.fake;

import io.spotipi.player.PlayerOptions;
import io.spotipi.player.PlayerServices;
import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A fake Spotify and the player's services pointed at it, with timings in milliseconds. The services
 * live on {@link #context}; run calls through {@link #on}.
 */
public final class Rig implements AutoCloseable {
  public final Vertx vertx;
  public final FakeSpotify fake;
  public final InMemoryCredentialStore store;
  public final PlayerOptions options;
  public final Context context;
  public final Map<String, String> lastKnownDevices = new HashMap<>();
  public final PlayerServices services;

  private final Clock clock;
  private final boolean ownsFake;

  private Rig(Vertx vertx, FakeSpotify fake, PlayerOptions options, Clock clock, long seed,
      InMemoryCredentialStore store) {
    this.vertx = vertx;
    this.fake = fake;
    this.options = options;
    this.clock = clock;
    this.ownsFake = store == null;
    this.store = store == null ? new InMemoryCredentialStore(vertx) : store;
    this.context = vertx.getOrCreateContext();
    this.services = Await.on(context, () -> Future.succeededFuture(PlayerServices.create(vertx, options, this.store, clock,
        new Random(seed), () -> Map.copyOf(lastKnownDevices))));
  }

  /**
   * Timings short enough that a whole alarm takes well under a second. The request timeout stays
   * long, and so does the deadline: on a loaded 2-core box the first answers of a fresh JVM (class
   * loading) can take seconds.
   */
  public static PlayerOptions fastOptions(String url) {
    return new PlayerOptions().setApiUrl(url).setAccountsUrl(url).setRequestTimeoutMs(15_000)
        .setPollIntervalMs(20).setPollAttempts(6).setWakeWaitMs(40).setFadeStepMs(20).setBackoffBaseMs(20)
        .setBackoffMaxMs(200).setMaxAttempts(5).setPlayDeadlineMs(30_000).setDeviceCacheTtlMs(5_000);
  }

  public static Rig start(Vertx vertx, Clock clock) {
    FakeSpotify fake = Await.result(FakeSpotify.start(vertx));
    return new Rig(vertx, fake, fastOptions(fake.url()), clock, 42, null);
  }

  public static Rig start(Vertx vertx, Clock clock, PlayerOptions options) {
    FakeSpotify fake = Await.result(FakeSpotify.start(vertx));
    return new Rig(vertx, fake, options.setApiUrl(fake.url()).setAccountsUrl(fake.url()), clock, 42, null);
  }

  /**
   * Another node's services beside these, on a context of its own: the same fake Spotify and credential
   * store, and the same Vert.x, whose shared data (locks, maps) stands for the cluster's.
   */
  public Rig beside() {
    return new Rig(vertx, fake, options, clock, 43, store);
  }

  /** Credentials with a fresh refresh token from the fake, in use by the token cache. */
  public SpotifyCredentials connect(boolean pkce) {
    SpotifyCredentials c = new SpotifyCredentials(FakeAccounts.CLIENT_ID, pkce ? null : FakeAccounts.CLIENT_SECRET,
        fake.accounts().issueRefreshToken(), Instant.parse("2026-11-01T07:00:00Z"));
    return use(c);
  }

  /** These credentials in use by the token cache. */
  public SpotifyCredentials use(SpotifyCredentials c) {
    on(() -> {
      services.tokens().use(c);
      return Future.succeededFuture();
    });
    return c;
  }

  public <T> T on(Supplier<Future<T>> work) {
    return Await.on(context, work);
  }

  public <T> Future<T> call(Supplier<Future<T>> work) {
    return Await.call(context, work);
  }

  @Override
  public void close() {
    services.web().close();
    if (ownsFake) {
      Await.result(fake.close());
    }
  }
}
