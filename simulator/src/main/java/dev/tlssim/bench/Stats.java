package dev.tlssim.bench;

import java.util.Arrays;
import java.util.List;

/** Small statistics over measured rounds. */
final class Stats {
  private Stats() {}

  /** The median: robust to one round slowed down by another process grabbing the cores. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** (max - min) / median, in percent: how much the rounds disagreed. */
  static double spreadPercent(List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double median = median(values);
    return median == 0 ? 0 : 100 * (max - min) / median;
  }

  static double perSecond(long count, long nanos) {
    return count * 1e9 / Math.max(1, nanos);
  }
}
