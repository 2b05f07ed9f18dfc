package dev.tlssim.tls.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * An opt-in measure of the time spent computing cryptography: the CPU time of each public-key
 * operation (those {@link CryptoMemo} can reuse), and the clock time of each symmetric one. Off
 * (the default), it costs one volatile read per operation. The bench turns it on around a sweep
 * to report which share of its CPU the cryptography takes, and so what the simulation itself costs.
 */
public final class CryptoCpuMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final LongAdder NANOS = new LongAdder();
  private static final LongAdder SYMMETRIC_NANOS = new LongAdder();
  private static volatile boolean on;

  private CryptoCpuMeter() {}

  /** Starts from zero; the JVM must support thread CPU time (HotSpot on Linux does). */
  public static void start() {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    THREADS.setThreadCpuTimeEnabled(true);
    NANOS.reset();
    SYMMETRIC_NANOS.reset();
    on = true;
  }

  /** Stops and returns the CPU nanoseconds of public-key operations measured since {@link #start}. */
  public static long stop() {
    on = false;
    return NANOS.sum();
  }

  /**
   * The nanoseconds spent in symmetric operations (record protection, PRF, HKDF, HMAC, transcript
   * hashes) since {@link #start}. They take microseconds, too little for thread CPU time (whose
   * reading costs about as much), so they are timed by the clock; the thread that runs them is busy
   * throughout, so on a machine not overloaded the two agree.
   */
  public static long symmetricNanos() {
    return SYMMETRIC_NANOS.sum();
  }

  /**
   * Where a symmetric operation starts: a clock reading while on, else 0. Only the innermost
   * primitives (AEAD, P_hash, HKDF-Extract/Expand, a Finished HMAC, a transcript digest) call it,
   * never one another, so no time is counted twice.
   */
  static long symmetricStart() {
    return on ? System.nanoTime() : 0;
  }

  static void symmetricEnd(long start) {
    if (start != 0) {
      SYMMETRIC_NANOS.add(System.nanoTime() - start);
    }
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
