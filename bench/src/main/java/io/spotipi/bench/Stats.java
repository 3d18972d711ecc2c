package io.spotipi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Minimum, median and maximum of one figure over the rounds of a run. */
public record Stats(double min, double median, double max, int n) {

  public static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
  }

  /** {@code min / median / max}, with as many decimals as the figure's size deserves. */
  public String format() {
    return n == 1 ? fmt(median) : fmt(min) + " / " + fmt(median) + " / " + fmt(max);
  }

  static String fmt(double v) {
    double a = Math.abs(v);
    return a >= 100 ? String.format("%.0f", v) : a >= 1 ? String.format("%.2f", v) : String.format("%.3f", v);
  }
}
