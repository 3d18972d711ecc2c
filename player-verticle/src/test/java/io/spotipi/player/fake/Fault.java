package io.spotipi.player.fake;

/**
 * A scripted failure of the next {@code times} requests to {@code method path}: an error status (with
 * a reason and a Retry-After), a dropped connection, or a delay before the normal answer.
 */
public record Fault(String method, String path, int times, int status, String reason, Long retryAfterSeconds,
    boolean drop, long delayMs) {

  public static Fault status(String method, String path, int status, String reason) {
    return new Fault(method, path, 1, status, reason, null, false, 0);
  }

  public static Fault tooManyRequests(String method, String path, long retryAfterSeconds) {
    return new Fault(method, path, 1, 429, null, retryAfterSeconds, false, 0);
  }

  public static Fault drop(String method, String path) {
    return new Fault(method, path, 1, 0, null, null, true, 0);
  }

  public static Fault delay(String method, String path, long delayMs) {
    return new Fault(method, path, 1, 0, null, null, false, delayMs);
  }

  public Fault times(int n) {
    return new Fault(method, path, n, status, reason, retryAfterSeconds, drop, delayMs);
  }

  boolean matches(String m, String p) {
    return method.equals(m) && path.equals(p);
  }
}
