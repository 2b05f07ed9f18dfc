package dev.tlssim.sim;

/**
 * A node's CPU cores in virtual time. Work that costs {@code cost} ns and becomes ready at
 * {@code now} starts on the earliest free core and finishes at {@code start + cost}; when all
 * cores are busy it queues (FIFO, because work is submitted in event order). Results therefore
 * depend on the cost profile, never on the speed of the machine running the simulation.
 */
public final class CpuScheduler {
  private final long[] freeAt;
  private long busyNanos;

  public CpuScheduler(int cores) {
    if (cores < 1) {
      throw new IllegalArgumentException("a node needs at least one core, got " + cores);
    }
    this.freeAt = new long[cores];
  }

  /** Books the work and returns the virtual time at which it completes. */
  public long submit(long now, long cost) {
    if (cost < 0) {
      throw new IllegalArgumentException("negative cost " + cost);
    }
    int best = 0;
    for (int i = 1; i < freeAt.length; i++) {
      if (freeAt[i] < freeAt[best]) {
        best = i;
      }
    }
    long start = Math.max(now, freeAt[best]);
    long end = start + cost;
    freeAt[best] = end;
    busyNanos += cost;
    return end;
  }

  public int cores() {
    return freeAt.length;
  }

  /** Total CPU time consumed so far, over all cores. */
  public long busyNanos() {
    return busyNanos;
  }
}
