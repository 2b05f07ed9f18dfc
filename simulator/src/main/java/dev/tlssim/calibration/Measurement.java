package dev.tlssim.calibration;

import java.util.Objects;

/**
 * The timings of one operation: the median is the cost that goes into the profile; min and max
 * show how noisy the machine was.
 */
public record Measurement(CostOperation operation, long medianNanos, long minNanos, long maxNanos, int runs) {
  public Measurement {
    Objects.requireNonNull(operation, "operation");
    if (runs < 1 || minNanos > medianNanos || medianNanos > maxNanos) {
      throw new IllegalArgumentException("inconsistent measurement of " + operation.id());
    }
  }
}
