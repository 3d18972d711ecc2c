package io.spotipi.player.auth;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The durable home of credentials (the config owner's internal state, never a file of this module).
 * Stored credentials win over the environment and the env file until they are deleted, which is what
 * keeps a rotated refresh token in use after a restart.
 */
public interface CredentialStore {
  /** The stored credentials; empty when none are stored. */
  Future<Optional<SpotifyCredentials>> load();

  /**
   * Stores {@code used} with the refresh token Spotify rotated it to, and completes only once that is
   * durable: until then the access token that came with it is not used. Fails, and stores nothing, when
   * the store meanwhile holds other credentials than {@code used} (the user connected again). A
   * failure's message must hold no secret: it reaches status and logs.
   */
  Future<Void> saveRotated(SpotifyCredentials used, String rotatedRefreshToken);

  /** Forgets the stored credentials (the environment and the env file apply again). */
  Future<Void> delete();
}
