package io.spotipi.player.client;

/**
 * What went wrong talking to Spotify, in terms a caller can decide on. Holds no token or secret.
 *
 * @param kind what failed
 * @param status the HTTP status of an {@link Kind#HTTP} error, else 0
 * @param reason Spotify's {@code reason} (e.g. {@code PREMIUM_REQUIRED}, {@code VOLUME_CONTROL_DISALLOW},
 *     {@code NO_ACTIVE_DEVICE}) or the accounts service's {@code error} (e.g. {@code invalid_grant}); may be null
 * @param message a human-readable detail; may be null
 * @param retryAfterSeconds the {@code Retry-After} of a 429, else null
 */
public record SpotifyError(Kind kind, int status, String reason, String message, Long retryAfterSeconds) {
  private static final int MAX_MESSAGE = 200;

  public enum Kind {
    /** Spotify answered with an error status. */
    HTTP,
    /** No answer: connection refused or dropped, or a timeout. */
    CONNECTION,
    /** No credentials are configured. */
    NOT_CONNECTED,
    /** The refresh token was refused ({@code invalid_grant}) or the client is unknown: connect again. */
    REAUTHORIZE,
    /** A rotated refresh token could not be stored durably, so its access token is not used. */
    STORE,
    /** No device in Spotify's list matches the configured one, and no remembered or fallback id helps. */
    NO_DEVICE,
    /** Spotify accepted a command but the player did not get into the expected state in time. */
    UNCONFIRMED
  }

  public SpotifyError {
    if (message != null && message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "...";
    }
  }

  public static SpotifyError http(int status, String reason, String message, Long retryAfterSeconds) {
    return new SpotifyError(Kind.HTTP, status, reason, message, retryAfterSeconds);
  }

  public static SpotifyError of(Kind kind, String message) {
    return new SpotifyError(kind, 0, null, message, null);
  }

  public boolean isStatus(int code) {
    return kind == Kind.HTTP && status == code;
  }

  public boolean isReason(String code) {
    return code.equals(reason);
  }

  /** One line for logs and outcome details, e.g. {@code HTTP 403 VOLUME_CONTROL_DISALLOW: Cannot control device volume}. */
  public String describe() {
    if (kind != Kind.HTTP) {
      String what = kind == Kind.CONNECTION ? "no answer" : kind.name().toLowerCase().replace('_', ' ');
      return message == null ? what : kind == Kind.CONNECTION ? what + ": " + message : message;
    }
    StringBuilder b = new StringBuilder("HTTP ").append(status);
    if (reason != null) {
      b.append(' ').append(reason);
    }
    if (retryAfterSeconds != null) {
      b.append(" (Retry-After ").append(retryAfterSeconds).append(" s)");
    }
    if (message != null && !message.isEmpty()) {
      b.append(": ").append(message);
    }
    return b.toString();
  }
}
