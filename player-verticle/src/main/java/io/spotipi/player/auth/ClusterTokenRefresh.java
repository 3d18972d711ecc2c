package io.spotipi.player.auth;

import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.client.TokenGrant;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one token refresh in flight in the whole cluster: each refresh runs under a cluster-wide lock
 * (a local one when Vert.x is not clustered). Under it, the durable store is read first, so a refresh
 * token another node rotated is the one used; then a grant another node shared moments ago for the
 * same client and refresh token is handed out when it has {@code minValidity} left; else the accounts
 * service is asked ({@link TokenRefresh#local}: a rotation is durable before the grant is handed on)
 * and the grant is shared. The shared grant lives in the cluster's memory only (an async map, expiring
 * with the token), keyed by a digest of the client and refresh token; it is never written to disk or
 * logged. The lock is always released.
 *
 * <p>Hazelcast's locks are re-entrant per worker thread and released asynchronously, so two attempts
 * of one JVM could both hold it: this JVM's refreshes run one after the other, the next starting a
 * moment after the previous released the lock. The token cache's single flight already keeps it to one
 * contender per process. Confined to the owning verticle's event loop.
 */
public final class ClusterTokenRefresh implements TokenRefresh {
  private static final Logger log = LoggerFactory.getLogger(ClusterTokenRefresh.class);
  static final String LOCK = "spotipi.spotify.token-refresh";
  static final String MAP = "spotipi.spotify.token";
  private static final String KEY = "grant";
  private static final String OPERATION = "refresh the access token";
  /** Time for the asynchronous unlock to take effect before this JVM asks for the lock again. */
  private static final long RELOCK_PAUSE_MS = 50;

  private final Vertx vertx;
  private final TokenRefresh accounts;
  private final CredentialStore store;
  private final Clock clock;
  private final Duration minValidity;
  private final long lockTimeoutMs;
  private Future<?> previous = Future.succeededFuture();
  /** The access token this JVM got last: never handed back to it as another node's grant. */
  private String lastGranted;

  /**
   * @param accounts the refresh itself ({@link TokenRefresh#local})
   * @param minValidity a shared grant with less left is not handed out
   * @param lockTimeout how long to wait for another node's refresh
   */
  public ClusterTokenRefresh(Vertx vertx, TokenRefresh accounts, CredentialStore store, Clock clock,
      Duration minValidity, Duration lockTimeout) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.store = store;
    this.clock = clock;
    this.minValidity = minValidity;
    this.lockTimeoutMs = lockTimeout.toMillis();
  }

  @Override
  public Future<TokenGrant> refresh(SpotifyCredentials used) {
    Future<TokenGrant> mine = previous.transform(ar -> underLock(used));
    previous = mine.transform(ar -> pause());
    return mine.onSuccess(grant -> lastGranted = grant.accessToken());
  }

  private Future<TokenGrant> underLock(SpotifyCredentials used) {
    return vertx.sharedData().getLockWithTimeout(LOCK, lockTimeoutMs)
        .recover(err -> Future.failedFuture(new SpotifyException(OPERATION, SpotifyError.of(SpotifyError.Kind.CONNECTION,
            "another node's token refresh holds the cluster lock: " + err.getMessage()), err)))
        .compose(lock -> {
          Future<TokenGrant> done;
          try {
            done = newest(used).compose(current -> sharedOrFresh(used, current));
          } catch (RuntimeException e) {
            done = Future.failedFuture(e);
          }
          return done.andThen(ar -> lock.release());
        });
  }

  /** The credentials to refresh with: the stored ones when another node rotated the refresh token. */
  private Future<SpotifyCredentials> newest(SpotifyCredentials used) {
    return store.load().transform(ar -> {
      if (ar.failed()) {
        log.info("the stored Spotify credentials cannot be read, refreshing with those in use: {}",
            ar.cause().getMessage());
        return Future.succeededFuture(used);
      }
      CredentialStore.Stored stored = ar.result();
      if (stored.disconnected()) {
        return Future.failedFuture(new SpotifyException(OPERATION, SpotifyError.of(SpotifyError.Kind.NOT_CONNECTED,
            TokenCache.NOT_CONNECTED + " (disconnected meanwhile)")));
      }
      SpotifyCredentials s = stored.credentials();
      return Future.succeededFuture(s != null && s.clientId().equals(used.clientId()) && s.authorized() ? s : used);
    });
  }

  private Future<TokenGrant> sharedOrFresh(SpotifyCredentials used, SpotifyCredentials current) {
    String key = fingerprint(current);
    return vertx.sharedData().<String, JsonObject>getAsyncMap(MAP).compose(map -> map.get(KEY).compose(entry -> {
      long leftMs = entry == null ? 0 : entry.getLong("expires_at", 0L) - clock.millis();
      String access = entry == null ? null : entry.getString("access_token");
      if (entry != null && key.equals(entry.getString("for")) && leftMs >= minValidity.toMillis()
          && !Objects.equals(access, lastGranted)) {
        log.info("Spotify access token shared by another node, valid for {} s", leftMs / 1000);
        return Future.succeededFuture(adopting(used, current,
            new TokenGrant(access, leftMs / 1000, entry.getString("scope"), null)));
      }
      Instant asked = clock.instant();
      return accounts.refresh(current).compose(grant -> share(map, current, grant, asked)
          .map(v -> adopting(used, current, grant)));
    }));
  }

  /** Shares a grant; a failure to share only costs the others a refresh of their own. */
  private Future<Void> share(AsyncMap<String, JsonObject> map, SpotifyCredentials current, TokenGrant grant,
      Instant asked) {
    SpotifyCredentials after = grant.rotated() ? current.withRefreshToken(grant.refreshToken()) : current;
    long ttlMs = grant.expiresInSeconds() * 1000;
    JsonObject entry = new JsonObject().put("for", fingerprint(after)).put("access_token", grant.accessToken())
        .put("expires_at", asked.toEpochMilli() + ttlMs).put("scope", grant.scope());
    return map.put(KEY, entry, Math.max(1, ttlMs)).recover(err -> {
      log.warn("the Spotify access token could not be shared with the other nodes: {}", err.getMessage());
      return Future.succeededFuture();
    });
  }

  /** The grant as the token cache must take it: with the refresh token it has to switch to, if any. */
  private static TokenGrant adopting(SpotifyCredentials used, SpotifyCredentials current, TokenGrant grant) {
    if (grant.rotated() || Objects.equals(used.refreshToken(), current.refreshToken())) {
      return grant;
    }
    return new TokenGrant(grant.accessToken(), grant.expiresInSeconds(), grant.scope(), current.refreshToken());
  }

  private Future<Void> pause() {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(RELOCK_PAUSE_MS, t -> p.complete());
    return p.future();
  }

  /** A digest of the client and refresh token: which credentials a shared grant belongs to, without them. */
  static String fingerprint(SpotifyCredentials c) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((c.clientId() + "\n" + c.refreshToken()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
