package io.spotipi.player.client;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;

/**
 * What a failed call to Spotify means for a caller of the player's addresses (and through them for an
 * HTTP client): the one mapping of {@link SpotifyError} to an {@link ErrorCode}. Pure.
 *
 * <ul>
 *   <li>no credentials, or they must be authorized again: NOT_CONNECTED (409), naming the state;
 *   <li>no such device, nothing active, an unknown album or artist: NOT_FOUND (404);
 *   <li>refused by Spotify (Premium required, a restricted device, volume not allowed): FORBIDDEN (403);
 *   <li>a request Spotify calls malformed: BAD_REQUEST (400);
 *   <li>anything else (429 with its {@code Retry-After}, 5xx, no answer, a token still refused after a
 *       refresh, a command that did not take effect): UNAVAILABLE (503).
 * </ul>
 */
public final class SpotifyFailures {
  private SpotifyFailures() {
  }

  public static ErrorCode code(SpotifyError error) {
    return switch (error.kind()) {
      case NOT_CONNECTED, REAUTHORIZE -> ErrorCode.NOT_CONNECTED;
      case NO_DEVICE -> ErrorCode.NOT_FOUND;
      case CONNECTION, STORE, UNCONFIRMED -> ErrorCode.UNAVAILABLE;
      case HTTP -> switch (error.status()) {
        case 400 -> ErrorCode.BAD_REQUEST;
        case 403 -> ErrorCode.FORBIDDEN;
        case 404 -> ErrorCode.NOT_FOUND;
        default -> ErrorCode.UNAVAILABLE;
      };
    };
  }

  /** The failure to answer with; {@code operation} says what was attempted ("pause", "read the playlists"). */
  public static ConfigFailure of(String operation, SpotifyError error) {
    ErrorCode code = code(error);
    ConfigFailure failure = new ConfigFailure(code, operation + ": " + describe(error));
    return error.retryAfterSeconds() == null ? failure : failure.withRetryAfter(error.retryAfterSeconds());
  }

  /**
   * Any failure of a player operation: a {@link ConfigFailure} as it is (the store's, a refused input),
   * Spotify's as {@link #of}, anything else as Spotify out of reach.
   */
  public static ConfigFailure of(String operation, Throwable failure) {
    if (failure instanceof ConfigFailure f) {
      return f;
    }
    return of(operation, SpotifyException.errorOf(failure));
  }

  private static String describe(SpotifyError error) {
    return switch (error.kind()) {
      case NOT_CONNECTED -> "Spotify is not connected (state not_configured)";
      case REAUTHORIZE -> "Spotify must be connected again (state reauthorize)"
          + (error.message() == null ? "" : ": " + error.message());
      case CONNECTION -> "Spotify cannot be reached: " + error.describe();
      case HTTP -> error.isReason("PREMIUM_REQUIRED") ? "Spotify Premium is required (" + error.describe() + ")"
          : "Spotify answered " + error.describe();
      case NO_DEVICE, STORE, UNCONFIRMED -> error.describe();
    };
  }
}
