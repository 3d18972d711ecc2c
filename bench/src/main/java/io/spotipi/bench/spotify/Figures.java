package io.spotipi.bench.spotify;

import java.util.Locale;

/** The bench's figures on stdout, one {@code key=value} line each, for {@code bench/spotify.sh}. */
final class Figures {
  private Figures() {
  }

  static void put(String key, Object value) {
    String text = value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
    System.out.println(key + "=" + text);
    System.out.flush();
  }

  /** Progress, on stderr. */
  static void log(String line) {
    System.err.println("[spotify-bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
  }
}
