package dev.tlssim.bench;

import dev.tlssim.sim.Pacing;
import java.lang.management.ManagementFactory;

/**
 * Weighs the live heap of a run as it goes: the first time the run reaches each multiple of
 * {@code everyNanos} of virtual time, a full collection, then the heap in use. That is the heap
 * the run really holds at that moment (what is reachable), not garbage waiting for the collector,
 * which is what a peak of "heap after a young collection" would mostly show on a large heap. A
 * pacing, because the kernel consults it before every event on the run's own thread: the run
 * stands still while it is weighed, and no party needs to know.
 */
final class LiveHeapSamples implements Pacing {
  private final long everyNanos;
  private long nextNanos;
  private long peakBytes;
  private int samples;

  LiveHeapSamples(long everyNanos) {
    if (everyNanos <= 0) {
      throw new IllegalArgumentException("a sampling interval is positive, got " + everyNanos);
    }
    this.everyNanos = everyNanos;
    this.nextNanos = everyNanos;
  }

  @Override
  public synchronized long waitBefore(long virtualNanos) {
    if (virtualNanos >= nextNanos) {
      sample();
      nextNanos = (virtualNanos / everyNanos + 1) * everyNanos;
    }
    return 0;
  }

  private void sample() {
    System.gc();
    peakBytes = Math.max(peakBytes, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    samples++;
  }

  /** Bytes: the most live heap of the samples; a run shorter than one interval is weighed now. */
  synchronized long peakBytes() {
    if (samples == 0) {
      sample();
    }
    return peakBytes;
  }

  synchronized int samples() {
    return samples;
  }
}
