package io.spotipi.player.auth;

import io.spotipi.player.client.AccountsClient;
import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.client.TokenGrant;
import io.vertx.core.Future;

/**
 * One refresh of the access token, as the {@link TokenCache} runs it (once at a time per process). It
 * completes only after a rotated refresh token is durable. {@link #local} asks the accounts service;
 * {@link ClusterTokenRefresh} wraps it to keep one refresh in flight in the whole cluster.
 */
@FunctionalInterface
public interface TokenRefresh {

  Future<TokenGrant> refresh(SpotifyCredentials credentials);

  /** Asks the accounts service, then stores a rotated refresh token before the grant is handed on. */
  static TokenRefresh local(AccountsClient accounts, CredentialStore store) {
    return used -> accounts.refresh(used.clientId(), used.clientSecret(), used.refreshToken()).compose(grant -> {
      if (!grant.rotated() || grant.refreshToken().equals(used.refreshToken())) {
        return Future.succeededFuture(grant);
      }
      return store.saveRotated(used, grant.refreshToken()).transform(ar -> ar.succeeded()
          ? Future.succeededFuture(grant)
          : Future.failedFuture(new RotationNotStored(used.withRefreshToken(grant.refreshToken()), ar.cause())));
    });
  }

  /**
   * Spotify rotated the refresh token but the store did not take the new one. The old one may be
   * spent already, so the cache goes on with the new one in memory, without using the access token.
   */
  final class RotationNotStored extends SpotifyException {
    private final transient SpotifyCredentials rotated;

    RotationNotStored(SpotifyCredentials rotated, Throwable cause) {
      super("store the rotated refresh token", SpotifyError.of(SpotifyError.Kind.STORE, cause.getMessage()), cause);
      this.rotated = rotated;
    }

    SpotifyCredentials rotated() {
      return rotated;
    }
  }
}
