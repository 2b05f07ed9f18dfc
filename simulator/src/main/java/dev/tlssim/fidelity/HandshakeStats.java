package dev.tlssim.fidelity;

import dev.tlssim.results.Stats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of summary.csv for a set of handshake times (ms): n, nearest-rank median, p75 and
 * p90 ({@link Stats#percentile}: the p-th of n ascending values is v[ceil(p*n/100)], as derive.py
 * computes them), the mean and the share of handshakes of at least 1 s. Mean and share are rounded
 * half-even to {@value #SCALE} decimals, the measured files' precision, so rows compare as text;
 * percentiles are observed values, kept exact. All null when n = 0 (empty fields in the CSV).
 */
public record HandshakeStats(int n, BigDecimal median, BigDecimal p75, BigDecimal p90, BigDecimal mean,
    BigDecimal shareGe1s) {

  static final int SCALE = 3;
  private static final BigDecimal ONE_SECOND = BigDecimal.valueOf(1000);

  public static HandshakeStats of(List<BigDecimal> hsMs) {
    int n = hsMs.size();
    if (n == 0) {
      return new HandshakeStats(0, null, null, null, null, null);
    }
    List<BigDecimal> sorted = new ArrayList<>(hsMs);
    sorted.sort(null);
    BigDecimal sum = BigDecimal.ZERO;
    int slow = 0;
    for (BigDecimal v : sorted) {
      sum = sum.add(v);
      slow += v.compareTo(ONE_SECOND) >= 0 ? 1 : 0;
    }
    BigDecimal count = BigDecimal.valueOf(n);
    return new HandshakeStats(n, Stats.percentile(sorted, 50), Stats.percentile(sorted, 75),
        Stats.percentile(sorted, 90), sum.divide(count, SCALE, RoundingMode.HALF_EVEN),
        BigDecimal.valueOf(slow).divide(count, SCALE, RoundingMode.HALF_EVEN));
  }

  /** A value to 3 decimals as the CSVs write it ("304.826", "0.000"); empty for null. */
  static String text(BigDecimal v) {
    return v == null ? "" : v.setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString();
  }
}
