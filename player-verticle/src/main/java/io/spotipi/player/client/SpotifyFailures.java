package io.spotipi.player.client;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;

/**
 * What a failure talking to Spotify means to a caller: the {@link ErrorCode} of a failed alarm's
 * outcome and of every failed reply of the player (and so the HTTP status of the route behind it).
 * Pure; the messages are the exceptions' own, which never hold a token or secret.
 *
 * <ul>
 *   <li>no credentials, or Spotify refused them ({@code reauthorize}): NOT_CONNECTED (409);
 *   <li>no such device, or Spotify's 404: NOT_FOUND;
 *   <li>Spotify's 403 ({@code PREMIUM_REQUIRED}, a restriction): FORBIDDEN;
 *   <li>a 400 (a request Spotify finds malformed, such as a bad URI or a spent authorization code) and a
 *       bad value of ours ({@link IllegalArgumentException}): BAD_REQUEST, the caller's to fix;
 *   <li>429, 5xx, any other status, no answer, a store that could not keep a rotated token, a command
 *       that did not take effect: UNAVAILABLE, with Spotify's {@code Retry-After} when it gave one.
 * </ul>
 */
public final class SpotifyFailures {
  private SpotifyFailures() {
  }

  public static ErrorCode code(SpotifyError error) {
    if (error == null) {
      return ErrorCode.UNAVAILABLE;
    }
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

  public static ErrorCode code(Throwable failure) {
    if (failure instanceof ConfigFailure f) {
      return f.code();
    }
    if (failure instanceof IllegalArgumentException) {
      return ErrorCode.BAD_REQUEST;
    }
    return code(SpotifyException.errorOf(failure));
  }

  /** The failure as a player's reply carries it: its code, its message, and Spotify's {@code Retry-After}. */
  public static ConfigFailure failure(Throwable failure) {
    if (failure instanceof ConfigFailure f) {
      return f;
    }
    ConfigFailure f = new ConfigFailure(code(failure), String.valueOf(failure.getMessage()));
    Long retryAfter = failure instanceof SpotifyException e ? e.error().retryAfterSeconds() : null;
    return retryAfter == null ? f : f.withRetryAfter(retryAfter);
  }
}
