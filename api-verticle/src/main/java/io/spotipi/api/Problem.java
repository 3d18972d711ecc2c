package io.spotipi.api;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: the HTTP answer to a request that failed, with the headers it needs
 * ({@code Retry-After}, {@code ETag}, {@code Allow}, ...). Thrown or passed to {@code rc.fail} by any
 * handler; {@link ProblemHandler} writes it. No stack trace: these are expected outcomes.
 */
public final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final String MEDIA_TYPE = "application/problem+json";
  /** Seconds a client should wait before retrying after a 503. */
  static final String RETRY_AFTER_UNAVAILABLE = "1";

  private final int status;
  private final List<FieldError> errors;
  private final Map<String, String> headers = new LinkedHashMap<>();
  /** Extension members (RFC 9457 section 3.2) beside the standard ones. */
  private final transient Map<String, Object> members = new LinkedHashMap<>();
  /** The document a lost compare-and-set lost to; only ever a durable one. */
  private transient JsonObject current;
  /** The failure code this problem answers; null when it answers none. */
  private ErrorCode code;

  private Problem(int status, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static Problem of(int status, String detail) {
    return new Problem(status, detail, List.of());
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    return new Problem(422, detail, errors);
  }

  /** Adds a response header; returns this problem. */
  public Problem header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Adds an extension member to the body; returns this problem. */
  public Problem member(String name, Object value) {
    members.put(name, value);
    return this;
  }

  /** The failure code this problem answers ({@link #fromConfig}), or {@code null}. */
  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The problem's {@code type} URI. */
  public String type() {
    return "urn:spotipi:problem:" + slug(status);
  }

  public JsonObject toJson(String instance) {
    JsonObject json = new JsonObject()
        .put("type", type())
        .put("title", title(status))
        .put("status", status)
        .put("detail", getMessage());
    if (instance != null) {
      json.put("instance", instance);
    }
    if (!errors.isEmpty()) {
      JsonArray a = new JsonArray();
      errors.forEach(e -> a.add(new JsonObject().put("field", e.field()).put("message", e.message())));
      json.put("errors", a);
    }
    if (current != null) {
      json.put("current", current);
    }
    members.forEach(json::put);
    return json;
  }

  /**
   * The problem for any failure a route ended with.
   *
   * @param status      the routing context's status code (500 for an exception without one)
   * @param ifMatchSent whether the request was a compare-and-set: a CONFLICT is then 412, else 409
   * @return the problem, or {@code null} when the failure is a bug (the caller logs it and answers 500)
   */
  public static Problem from(Throwable failure, int status, boolean ifMatchSent) {
    if (failure instanceof Problem p) {
      return p;
    }
    if (failure instanceof ConfigFailure f) {
      return fromConfig(f, ifMatchSent);
    }
    if (failure instanceof HttpException h) {
      status = h.getStatusCode();
    }
    if (status < 400) {
      // a request stream that broke mid-body (bad chunk framing): the body handler fails it with 200
      return of(400, "the request could not be read: " + (failure == null ? "broken" : failure.getMessage()));
    }
    if (status >= 500 && failure != null) {
      return null;
    }
    return of(status, defaultDetail(status));
  }

  /**
   * The HTTP answer to a failed operation of the config owner or the player (the mapping of
   * {@link ErrorCode}); a wait the far side asked for becomes {@code Retry-After}.
   */
  public static Problem fromConfig(ConfigFailure f, boolean ifMatchSent) {
    Problem p = mapped(f, ifMatchSent);
    p.code = f.code();
    return f.retryAfterSeconds() == null ? p : p.header("Retry-After", String.valueOf(f.retryAfterSeconds()));
  }

  private static Problem mapped(ConfigFailure f, boolean ifMatchSent) {
    ErrorCode code = f.code();
    switch (code) {
      case INVALID:
        return invalid(f.getMessage(), f.errors());
      case CONFLICT: {
        // A lost compare-and-set, answered once the winner is readable (ConfigClient.submit): the winner's
        // ETag and, as current, its whole document, so the client can retry at once instead of reading
        // first (etcd's transactions do the same with a read in their else branch).
        Problem p = of(ifMatchSent ? 412 : 409, f.getMessage());
        p.current = f.current();
        return f.currentRevision() == null ? p : p.header("ETag", "\"" + f.currentRevision() + "\"");
      }
      case STORAGE:
      case UNAVAILABLE:
        return of(503, f.getMessage()).header("Retry-After", RETRY_AFTER_UNAVAILABLE);
      default:
        return of(code.httpStatus(), f.getMessage());
    }
  }

  private static String defaultDetail(int status) {
    switch (status) {
      case 404:
        return "there is no resource at this path";
      case 413:
        return "the request body is larger than " + RequestBody.LIMIT_BYTES + " bytes";
      case 415:
        return "unsupported Content-Type for this request";
      default:
        return title(status);
    }
  }

  static String title(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 409: return "Conflict";
      case 412: return "Precondition Failed";
      case 413: return "Content Too Large";
      case 415: return "Unsupported Media Type";
      case 421: return "Misdirected Request";
      case 422: return "Invalid Config";
      case 429: return "Too Many Requests";
      case 503: return "Service Unavailable";
      default: return status < 500 ? "Client Error" : "Internal Server Error";
    }
  }

  private static String slug(int status) {
    return title(status).toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
