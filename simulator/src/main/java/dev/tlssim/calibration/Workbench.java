package dev.tlssim.calibration;

import java.util.function.IntSupplier;

/**
 * The prepared inputs of every {@link CostOperation} in one library: {@link Calibrator} times the
 * calls it hands out. Each call returns a value derived from its result so the JIT cannot drop it.
 */
interface Workbench {
  /** One call of {@code op}, inputs prepared. */
  IntSupplier of(CostOperation op);

  /** What exactly the call does, for the profile's "sources". */
  String source(CostOperation op);
}
