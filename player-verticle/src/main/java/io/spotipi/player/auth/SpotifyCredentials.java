package io.spotipi.player.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * Who SpotiPi is to Spotify and for whom. {@link #toString()} never shows the secret or the token.
 *
 * @param clientSecret null for a PKCE client, which has none
 * @param refreshToken null while the app is registered but the user has not authorized it yet
 * @param authorizedAt when the user authorized (refresh tokens expire some months later, refreshing
 *     does not extend that); null when unknown, e.g. for a token taken from the env file
 */
public record SpotifyCredentials(String clientId, String clientSecret, String refreshToken, Instant authorizedAt) {

  public SpotifyCredentials {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("a client id is required");
    }
  }

  /** Whether the client authenticates without a secret (PKCE). */
  public boolean pkce() {
    return clientSecret == null;
  }

  /** Whether there is a refresh token to get access tokens with. */
  public boolean authorized() {
    return refreshToken != null;
  }

  /** The same client and authorization with the refresh token Spotify rotated to. */
  public SpotifyCredentials withRefreshToken(String rotated) {
    return new SpotifyCredentials(clientId, clientSecret, Objects.requireNonNull(rotated), authorizedAt);
  }

  @Override
  public String toString() {
    return "SpotifyCredentials[clientId=" + clientId + ", clientSecret=" + (pkce() ? "none (PKCE)" : "***")
        + ", refreshToken=" + (authorized() ? "***" : "none") + ", authorizedAt=" + authorizedAt + "]";
  }
}
