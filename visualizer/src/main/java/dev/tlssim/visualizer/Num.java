package dev.tlssim.visualizer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for people: at most 3 decimals, no trailing zeros. */
final class Num {
  private Num() {}

  static String ms(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-";
    }
    return BigDecimal.valueOf(v).setScale(Math.abs(v) >= 100 ? 1 : 3, RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString();
  }

  /** A round-trip count to one decimal: "3", "11.5". */
  static String rtt(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
