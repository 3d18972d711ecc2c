package io.spotipi.player.client;

/** A failed call to Spotify. The message names the operation and the {@link SpotifyError}, never a token or secret. */
public class SpotifyException extends RuntimeException {
  private final transient SpotifyError error;

  public SpotifyException(String operation, SpotifyError error) {
    this(operation, error, null);
  }

  public SpotifyException(String operation, SpotifyError error, Throwable cause) {
    super(operation + ": " + error.describe(), cause, false, false);
    this.error = error;
  }

  public SpotifyError error() {
    return error;
  }

  /** The error behind a failure, or a connection error for a failure that is not a {@link SpotifyException}. */
  public static SpotifyError errorOf(Throwable failure) {
    return failure instanceof SpotifyException e ? e.error()
        : SpotifyError.of(SpotifyError.Kind.CONNECTION, String.valueOf(failure.getMessage()));
  }
}
