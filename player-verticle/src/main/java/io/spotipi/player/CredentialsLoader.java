package io.spotipi.player;

import io.spotipi.player.auth.CredentialSources;
import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.player.auth.TokenCache;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.SpotifyStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the credentials into the token cache: at the start (again every second until the config owner
 * answers, which in a cluster may still be electing), after a change of the stored ones on any node,
 * and after this node stored or deleted some. Loads run one after the other, so the newest always
 * applies last. Until the first load succeeded, Spotify's state is unknown: requests wait for it
 * (bounded), rather than answer "not connected" for credentials that are stored. Confined to the
 * owning verticle's event loop.
 */
final class CredentialsLoader {
  private static final Logger log = LoggerFactory.getLogger(CredentialsLoader.class);
  static final long RETRY_MS = 1_000;

  private final Vertx vertx;
  private final CredentialSources sources;
  private final TokenCache tokens;
  private final Promise<Void> loaded = Promise.promise();
  private Future<?> previous = Future.succeededFuture();
  private String lastFailure = "not read yet";
  private boolean stopped;

  CredentialsLoader(Vertx vertx, CredentialSources sources, TokenCache tokens) {
    this.vertx = vertx;
    this.sources = sources;
    this.tokens = tokens;
  }

  /** The first load; completes after its first attempt, and retries in the background until one succeeds. */
  Future<Void> start() {
    return reload(false).transform(ar -> {
      if (ar.failed()) {
        retryLater();
      }
      return Future.succeededFuture();
    });
  }

  void stop() {
    stopped = true;
  }

  /**
   * Loads the credentials again and switches the token cache to them: {@code fresh} (after the user
   * stored or deleted some) starts over as {@link TokenCache#use} does; else the access token stays
   * while the client and refresh token are the same ({@link TokenCache#follow}).
   */
  Future<SpotifyStatus> reload(boolean fresh) {
    Future<SpotifyStatus> mine = previous.transform(ar -> sources.load().map(found -> {
      apply(found, fresh);
      return tokens.status();
    }).onFailure(err -> {
      lastFailure = err.getMessage();
      log.warn("the Spotify credentials cannot be read from the config owner: {}", lastFailure);
    }));
    previous = mine;
    return mine;
  }

  /** Completes once credentials were loaded; fails UNAVAILABLE when that takes longer than {@code wait}. */
  Future<Void> ready(Duration wait) {
    if (loaded.future().isComplete()) {
      return Future.succeededFuture();
    }
    Promise<Void> ready = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, wait.toMillis()), t -> ready.tryFail(new ConfigFailure(
        ErrorCode.UNAVAILABLE, "the Spotify credentials could not be read from the config owner yet: " + lastFailure)));
    loaded.future().onSuccess(v -> {
      vertx.cancelTimer(timer);
      ready.tryComplete();
    });
    return ready.future();
  }

  private void apply(CredentialSources.Found found, boolean fresh) {
    SpotifyCredentials before = tokens.credentials().orElse(null);
    SpotifyCredentials after = found.credentials();
    if (!Objects.equals(before, after) || !loaded.future().isComplete()) {
      if (after == null) {
        log.info("no Spotify credentials ({}): alarms report '{}'", found.origin(), TokenCache.NOT_CONNECTED);
      } else if (before != null && before.authorized() && after.authorized()
          && before.withRefreshToken(after.refreshToken()).equals(after)) {
        log.info("Spotify refresh token rotated: the stored one is in use");
      } else {
        log.info("Spotify credentials from {}: {}", found.origin(), after);
      }
    }
    if (fresh) {
      tokens.use(found.credentials());
    } else {
      tokens.follow(found.credentials());
    }
    loaded.tryComplete();
  }

  private void retryLater() {
    vertx.setTimer(RETRY_MS, t -> {
      if (!stopped) {
        reload(false).onFailure(err -> retryLater());
      }
    });
  }
}
