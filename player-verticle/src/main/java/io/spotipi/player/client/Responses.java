package io.spotipi.player.client;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Turns what a request to Spotify came back with into a response or a typed {@link SpotifyException}. */
final class Responses {
  private Responses() {
  }

  /** The response when its status is below 400; else its error, or a connection error when none came. */
  static Future<HttpResponse<Buffer>> checked(String operation, Future<HttpResponse<Buffer>> sent) {
    return sent.transform(ar -> {
      if (ar.failed()) {
        Throwable cause = ar.cause();
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return Future.failedFuture(
            new SpotifyException(operation, SpotifyError.of(SpotifyError.Kind.CONNECTION, detail), cause));
      }
      HttpResponse<Buffer> response = ar.result();
      if (response.statusCode() >= 400) {
        return Future.failedFuture(new SpotifyException(operation, errorOf(response)));
      }
      return Future.succeededFuture(response);
    });
  }

  /**
   * The error of a 4xx or 5xx. The Web API answers {@code {"error":{"status","message","reason"}}}, the
   * accounts service {@code {"error":"invalid_grant","error_description":...}}; a proxy may send anything.
   */
  static SpotifyError errorOf(HttpResponse<Buffer> response) {
    JsonObject body = jsonOrNull(response.body());
    String reason = null;
    String message = null;
    if (body != null) {
      Object error = body.getValue("error");
      if (error instanceof JsonObject e) {
        reason = e.getString("reason");
        message = e.getString("message");
      } else if (error instanceof String code) {
        reason = code;
        message = body.getString("error_description");
      }
    }
    return SpotifyError.http(response.statusCode(), reason, message, retryAfter(response.getHeader("Retry-After")));
  }

  /** The body as JSON, failing as a malformed answer of this operation. */
  static JsonObject json(String operation, HttpResponse<Buffer> response) {
    JsonObject body = jsonOrNull(response.body());
    if (body == null) {
      throw new SpotifyException(operation,
          SpotifyError.http(response.statusCode(), null, "the answer is not a JSON object", null));
    }
    return body;
  }

  /** {@code Retry-After} in seconds; null when absent or not a number of seconds. */
  static Long retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? null : seconds;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonObject jsonOrNull(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      return body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
