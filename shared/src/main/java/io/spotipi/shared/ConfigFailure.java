package io.spotipi.shared;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A failed config operation as every caller sees it. On the wire it is a {@link ReplyException}
 * whose failure code is {@link ErrorCode#code()} and whose message is this object as JSON, so the
 * current revision and the field errors survive the trip (also across a cluster).
 */
public final class ConfigFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Long currentRevision;
  private final List<FieldError> errors;
  private final JsonObject current;
  private final Long retryAfterSeconds;

  public ConfigFailure(ErrorCode code, String message) {
    this(code, message, null, List.of(), null);
  }

  public ConfigFailure(ErrorCode code, String message, Long currentRevision, List<FieldError> errors) {
    this(code, message, currentRevision, errors, null);
  }

  private ConfigFailure(ErrorCode code, String message, Long currentRevision, List<FieldError> errors,
      JsonObject current) {
    this(code, message, currentRevision, errors, current, null);
  }

  private ConfigFailure(ErrorCode code, String message, Long currentRevision, List<FieldError> errors,
      JsonObject current, Long retryAfterSeconds) {
    super(message, null, false, false); // expected outcomes: no stack trace to fill or to log
    this.code = code;
    this.currentRevision = currentRevision;
    this.errors = List.copyOf(errors);
    this.current = current;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** This failure with the wait the far side asked for (Spotify's {@code Retry-After}). */
  public ConfigFailure withRetryAfter(long seconds) {
    return new ConfigFailure(code, getMessage(), currentRevision, errors, current, seconds);
  }

  /**
   * A lost compare-and-set. It carries the document at {@code currentRevision} so that a transaction
   * can run its mutator again at once instead of waiting for that revision to become durable; the
   * retry is itself acknowledged only once durable, and fails if that revision never becomes so.
   */
  public static ConfigFailure conflict(long currentRevision, long expectedRevision, JsonObject current) {
    return new ConfigFailure(ErrorCode.CONFLICT,
        "revision is " + currentRevision + ", not the expected " + expectedRevision, currentRevision, List.of(),
        current);
  }

  public static ConfigFailure invalid(List<FieldError> errors) {
    return new ConfigFailure(ErrorCode.INVALID, "the config does not satisfy the schema", null, errors);
  }

  public ErrorCode code() {
    return code;
  }

  /** For CONFLICT: the revision the store is at. */
  public Long currentRevision() {
    return currentRevision;
  }

  /**
   * For CONFLICT: the document at the current revision. From {@link ConfigClient#submit} it is one that
   * can be read; straight from the owner (inside a transaction) possibly not yet durable: never cache it.
   */
  public JsonObject current() {
    return current;
  }

  /** How long to wait before trying again, when the far side said so; else null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** For INVALID: every field that failed. */
  public List<FieldError> errors() {
    return errors;
  }

  /** Answers a request with this failure. */
  public void replyTo(Message<?> request) {
    JsonObject body = new JsonObject().put("code", code.name()).put("message", getMessage());
    if (currentRevision != null) {
      body.put("currentRevision", currentRevision);
    }
    if (!errors.isEmpty()) {
      body.put("errors", Json.toJson(new Errors(errors)).getJsonArray("errors"));
    }
    if (current != null) {
      body.put("current", current);
    }
    if (retryAfterSeconds != null) {
      body.put("retryAfterSeconds", retryAfterSeconds);
    }
    request.fail(code.code(), body.encode());
  }

  /**
   * Any failure of an event-bus request as a ConfigFailure: our own replies keep their code and
   * details; a timeout or a missing handler means the owner is unreachable.
   */
  public static ConfigFailure from(Throwable t) {
    if (t instanceof ConfigFailure f) {
      return f;
    }
    if (t instanceof ReplyException re) {
      switch (re.failureType()) {
        case TIMEOUT:
          return new ConfigFailure(ErrorCode.UNAVAILABLE, "no reply in time: " + re.getMessage());
        case NO_HANDLERS:
          return new ConfigFailure(ErrorCode.UNAVAILABLE, "nobody serves this address: " + re.getMessage());
        default:
          ErrorCode code = ErrorCode.ofCode(re.failureCode());
          if (code != null) {
            return decode(code, re.getMessage());
          }
      }
    }
    return new ConfigFailure(ErrorCode.UNAVAILABLE, String.valueOf(t.getMessage()));
  }

  private static ConfigFailure decode(ErrorCode code, String text) {
    try {
      JsonObject body = new JsonObject(text);
      List<FieldError> errors = body.containsKey("errors")
          ? Json.fromJson(new JsonObject().put("errors", body.getJsonArray("errors")), Errors.class).errors()
          : List.of();
      return new ConfigFailure(code, body.getString("message"), body.getLong("currentRevision"), errors,
          body.getJsonObject("current"), body.getLong("retryAfterSeconds"));
    } catch (RuntimeException notOurs) {
      return new ConfigFailure(code, text);
    }
  }

  private record Errors(List<FieldError> errors) {
  }

  @Override
  public String toString() {
    return code + ": " + getMessage() + (currentRevision == null ? "" : " (revision " + currentRevision + ")")
        + (errors.isEmpty() ? "" : " " + errors);
  }
}
