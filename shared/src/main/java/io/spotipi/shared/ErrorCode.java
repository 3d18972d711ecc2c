package io.spotipi.shared;

/**
 * Failure codes carried by {@link io.vertx.core.eventbus.ReplyException#failureCode()} and their HTTP
 * mapping. The numeric codes are part of the wire contract: never renumber them.
 */
public enum ErrorCode {
  BAD_REQUEST(4000, 400),
  NOT_FOUND(4040, 404),
  /** Refused by the far side (Spotify: a Premium account is required). */
  FORBIDDEN(4030, 403),
  CONFLICT(4090, 409),
  /** Spotify is not usable: no credentials, or they must be authorized again. */
  NOT_CONNECTED(4091, 409),
  INVALID(4220, 422),
  STORAGE(5030, 503),
  UNAVAILABLE(5031, 503);

  private final int code;
  private final int httpStatus;

  ErrorCode(int code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The code for a numeric failure code, or {@code null} when it is not one of ours. */
  public static ErrorCode ofCode(int code) {
    for (ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return null;
  }
}
