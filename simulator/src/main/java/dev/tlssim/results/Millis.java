package dev.tlssim.results;

import java.math.BigDecimal;

/** Virtual time as the result files write it: exact milliseconds from integer nanoseconds. */
public final class Millis {
  private Millis() {}

  /** 100000000 ns → 100; 1500 ns → 0.0015. */
  public static BigDecimal of(long nanos) {
    BigDecimal v = BigDecimal.valueOf(nanos, 6).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }
}
