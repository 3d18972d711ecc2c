package io.spotipi.player.fake;

/**
 * A scripted failure of the next {@code times} requests to {@code method path}, after letting
 * {@code after} of them pass: an error status (with a reason and a Retry-After), a dropped connection,
 * a delay before the normal answer, or an effect on the fake's state just before it answers normally
 * (the user pausing, the access token expiring, in the middle of a fade).
 */
public record Fault(String method, String path, int after, int times, int status, String reason,
    Long retryAfterSeconds, boolean drop, long delayMs, Runnable effect) {

  public static Fault status(String method, String path, int status, String reason) {
    return new Fault(method, path, 0, 1, status, reason, null, false, 0, null);
  }

  public static Fault tooManyRequests(String method, String path, long retryAfterSeconds) {
    return new Fault(method, path, 0, 1, 429, null, retryAfterSeconds, false, 0, null);
  }

  public static Fault drop(String method, String path) {
    return new Fault(method, path, 0, 1, 0, null, null, true, 0, null);
  }

  public static Fault delay(String method, String path, long delayMs) {
    return new Fault(method, path, 0, 1, 0, null, null, false, delayMs, null);
  }

  public static Fault effect(String method, String path, Runnable effect) {
    return new Fault(method, path, 0, 1, 0, null, null, false, 0, effect);
  }

  public Fault times(int n) {
    return new Fault(method, path, after, n, status, reason, retryAfterSeconds, drop, delayMs, effect);
  }

  /** Lets this many matching requests pass first. */
  public Fault after(int n) {
    return new Fault(method, path, n, times, status, reason, retryAfterSeconds, drop, delayMs, effect);
  }

  boolean matches(String m, String p) {
    return method.equals(m) && path.equals(p);
  }
}
