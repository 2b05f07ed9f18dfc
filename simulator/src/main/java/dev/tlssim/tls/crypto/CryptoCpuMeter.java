package dev.tlssim.tls.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * An opt-in measure of the CPU time spent computing public-key operations (those
 * {@link CryptoMemo} can reuse): while on, each computation adds the CPU time its thread spent
 * in it. Off (the default), it costs one volatile read per operation. The bench turns it on
 * around a sweep to report the share of CPU that reuse could save.
 */
public final class CryptoCpuMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final LongAdder NANOS = new LongAdder();
  private static volatile boolean on;

  private CryptoCpuMeter() {}

  /** Starts from zero; the JVM must support thread CPU time (HotSpot on Linux does). */
  public static void start() {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    THREADS.setThreadCpuTimeEnabled(true);
    NANOS.reset();
    on = true;
  }

  /** Stops and returns the CPU nanoseconds measured since {@link #start}. */
  public static long stop() {
    on = false;
    return NANOS.sum();
  }

  static <T, E extends Exception> T measure(CryptoMemo.Computation<T, E> computation) throws E {
    if (!on) {
      return computation.compute();
    }
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      return computation.compute();
    } finally {
      NANOS.add(THREADS.getCurrentThreadCpuTime() - start);
    }
  }
}
