package io.spotipi.player.fake;

/**
 * One request the fake received.
 *
 * @param query the raw query string, or null
 * @param authorization its Authorization header, or null
 * @param nanos {@link System#nanoTime()} when it arrived
 */
public record Recorded(String method, String path, String query, String body, String authorization, long nanos) {

  /** The access token it carried, or null. */
  public String bearer() {
    return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
  }

  /** A query parameter's (still encoded) value, or null. */
  public String param(String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }

  public boolean is(String m, String p) {
    return method.equals(m) && path.equals(p);
  }
}
