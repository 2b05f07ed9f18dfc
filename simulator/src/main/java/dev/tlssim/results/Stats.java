package dev.tlssim.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Summary of one cell: how many trials ran and succeeded, and the distribution of the metric
 * over the successful ones. Percentiles are nearest-rank: the p-th percentile of n sorted values
 * v[1] <= ... <= v[n] is v[ceil(p/100 * n)], always an observed value, so at zero loss they equal
 * the analytical latency exactly. The mean is exact, rounded half-even to {@value #MEAN_SCALE}
 * decimals (nanoseconds); the statistics are null when nothing succeeded.
 */
public record Stats(
    int n,
    int successes,
    BigDecimal successRate,
    BigDecimal mean,
    BigDecimal p50,
    BigDecimal p75,
    BigDecimal p90,
    BigDecimal p95,
    BigDecimal p99,
    BigDecimal max) {

  public static final int MEAN_SCALE = 6;
  static final int RATE_SCALE = 4;

  /** {@code values}: the metric of each successful trial, any order; {@code n}: all trials. */
  public static Stats of(int n, List<BigDecimal> values) {
    if (values.size() > n) {
      throw new IllegalArgumentException(values.size() + " successes out of " + n + " trials");
    }
    int k = values.size();
    BigDecimal rate = n == 0 ? null : plain(BigDecimal.valueOf(k).divide(BigDecimal.valueOf(n), RATE_SCALE,
        RoundingMode.HALF_EVEN));
    if (k == 0) {
      return new Stats(n, 0, rate, null, null, null, null, null, null, null);
    }
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(null);
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal v : sorted) {
      sum = sum.add(v);
    }
    BigDecimal mean = plain(sum.divide(BigDecimal.valueOf(k), MEAN_SCALE, RoundingMode.HALF_EVEN));
    return new Stats(n, k, rate, mean, percentile(sorted, 50), percentile(sorted, 75), percentile(sorted, 90),
        percentile(sorted, 95), percentile(sorted, 99), sorted.get(k - 1));
  }

  /**
   * The same as {@link #of} for values in nanoseconds, reported in milliseconds ({@link Millis}):
   * a million values cost 8 MB as longs, not a million BigDecimals. Sorts {@code nanos} in place.
   */
  public static Stats ofNanos(int n, long[] nanos) {
    if (nanos.length > n) {
      throw new IllegalArgumentException(nanos.length + " successes out of " + n + " trials");
    }
    int k = nanos.length;
    BigDecimal rate = n == 0 ? null : plain(BigDecimal.valueOf(k).divide(BigDecimal.valueOf(n), RATE_SCALE,
        RoundingMode.HALF_EVEN));
    if (k == 0) {
      return new Stats(n, 0, rate, null, null, null, null, null, null, null);
    }
    Arrays.sort(nanos);
    long sum = 0;
    for (long v : nanos) {
      sum = Math.addExact(sum, v);
    }
    BigDecimal mean = plain(BigDecimal.valueOf(sum, 6).divide(BigDecimal.valueOf(k), MEAN_SCALE,
        RoundingMode.HALF_EVEN));
    return new Stats(n, k, rate, mean, Millis.of(rank(nanos, 50)), Millis.of(rank(nanos, 75)),
        Millis.of(rank(nanos, 90)), Millis.of(rank(nanos, 95)), Millis.of(rank(nanos, 99)), Millis.of(nanos[k - 1]));
  }

  private static long rank(long[] sorted, int p) {
    return sorted[(int) (((long) p * sorted.length + 99) / 100) - 1];
  }

  /** Nearest rank on ascending values: v[ceil(p * n / 100)], 1-based. */
  public static BigDecimal percentile(List<BigDecimal> sorted, int p) {
    if (p <= 0 || p > 100 || sorted.isEmpty()) {
      throw new IllegalArgumentException("percentile " + p + " of " + sorted.size() + " values");
    }
    long rank = ((long) p * sorted.size() + 99) / 100;
    return sorted.get((int) rank - 1);
  }

  /** "0.5", "30", not "0.5000" or "3E+1": CSV readers and eyes want plain decimals. */
  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
