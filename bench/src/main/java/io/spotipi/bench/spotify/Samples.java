package io.spotipi.bench.spotify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Values of one measurement, and their percentiles by nearest rank (p99 of 50 values is the largest). */
final class Samples {
  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  int count() {
    return values.size();
  }

  /** The smallest value with at least {@code p} percent of the values at or below it; NaN without values. */
  double percentile(double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The values in the order they came, space-separated, one decimal. */
  String values() {
    return String.join(" ", values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
  }

  /** {@code <prefix>_n}, {@code _p50}, {@code _p90}, {@code _p99} and {@code _max} as key=value lines. */
  void print(String prefix) {
    Figures.put(prefix + "_n", count());
    for (int p : new int[] {50, 90, 99}) {
      Figures.put(prefix + "_p" + p, percentile(p));
    }
    Figures.put(prefix + "_max", percentile(100));
  }
}
