package dev.tlssim.bench;

import java.lang.management.ManagementFactory;

/**
 * Work done in one timed stretch: how much, in how much wall time, and how much CPU time the whole
 * process spent on it (all threads: workers, actor dispatcher, GC, JIT). On a shared machine other
 * processes stretch the wall time but barely the CPU time, so rates per CPU-second compare more
 * stably than rates per second.
 */
record Measured(long count, long wallNanos, long cpuNanos) {
  double perSecond() {
    return Stats.perSecond(count, wallNanos);
  }

  double perCpuSecond() {
    return Stats.perSecond(count, cpuNanos);
  }

  /** Times {@code work}, which returns how many units it did. */
  static Measured of(java.util.function.LongSupplier work) {
    long cpu = processCpuNanos();
    long wall = System.nanoTime();
    long count = work.getAsLong();
    return new Measured(count, System.nanoTime() - wall, processCpuNanos() - cpu);
  }

  /** CPU time of this process so far; the wall clock's stand-in where the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long cpu = os.getProcessCpuTime();
      if (cpu >= 0) {
        return cpu;
      }
    }
    return System.nanoTime();
  }
}
