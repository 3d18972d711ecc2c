package io.spotipi.app.torture;

/** Reads figures out of Prometheus text exposition. */
final class MetricsText {
  private MetricsText() {
  }

  /** The sum of every sample of {@code metric} whose labels contain {@code labelFilter}. */
  static double sum(String text, String metric, String labelFilter) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(metric + "{") && line.contains(labelFilter)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
