package dev.tlssim.visualizer;

/** Nearest-rank percentiles, the definition the simulator's stats.csv uses (always an observed value). */
final class Quantiles {
  private Quantiles() {}

  /** The p-th percentile (0 &lt; p &le; 100) of ascending values: v[ceil(p*n/100)], 1-based. */
  static double nearestRank(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length / 100.0);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * A CDF reduced to at most {@code points} steps: the value at each fraction k/points. A sweep of
   * 100,000 trials draws as compactly as one of 50.
   */
  static double[][] cdf(double[] sorted, int points) {
    int n = Math.min(points, sorted.length);
    double[][] xy = new double[2][n + 1];
    if (sorted.length == 0) {
      return new double[2][0];
    }
    xy[0][0] = sorted[0];
    xy[1][0] = 0;
    for (int k = 1; k <= n; k++) {
      double p = 100.0 * k / n;
      xy[0][k] = nearestRank(sorted, p);
      xy[1][k] = p / 100.0;
    }
    return xy;
  }
}
