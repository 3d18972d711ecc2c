package io.spotipi.player.auth;

import io.vertx.core.Future;
import java.util.Objects;

/**
 * The durable home of credentials (the config owner's internal state, never a file of this module).
 * Stored credentials win over the environment and the env file, which is what keeps a rotated refresh
 * token in use after a restart; a disconnect hides those too, until credentials are stored again.
 * A failure's message must hold no secret: it reaches status, replies and logs.
 */
public interface CredentialStore {

  /**
   * What the store holds.
   *
   * @param credentials the stored credentials, or null
   * @param disconnected the user disconnected: no credentials apply, not even the environment's
   */
  record Stored(SpotifyCredentials credentials, boolean disconnected) {
    public static final Stored NOTHING = new Stored(null, false);
    public static final Stored DISCONNECTED = new Stored(null, true);
    /** Why a rotation was not stored: its credentials are no longer the ones in use. */
    public static final String REPLACED = "the stored Spotify credentials changed meanwhile (connected again or disconnected)";

    /**
     * Whether a rotation of {@code used} may replace what is stored: the same client and refresh token
     * are stored, or nothing is (then {@code used} came from the environment or the env file).
     */
    public boolean admitsRotationOf(SpotifyCredentials used) {
      if (disconnected) {
        return false;
      }
      return credentials == null || credentials.clientId().equals(used.clientId())
          && Objects.equals(credentials.refreshToken(), used.refreshToken());
    }
  }

  Future<Stored> load();

  /** Stores credentials the user gave or authorized, in place of whatever was stored (a disconnect too). */
  Future<Void> save(SpotifyCredentials credentials);

  /**
   * Stores {@code used} with the refresh token Spotify rotated it to, and completes only once that is
   * durable: until then the access token that came with it is not used. Fails, and stores nothing, when
   * the store meanwhile holds other credentials than {@code used} or a disconnect.
   */
  Future<Void> saveRotated(SpotifyCredentials used, String rotatedRefreshToken);

  /** Forgets the stored credentials and hides the environment's and the env file's. */
  Future<Void> disconnect();
}
