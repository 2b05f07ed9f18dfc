package dev.tlssim.sim;

/**
 * How virtual time relates to the wall clock. Runs go as fast as the CPU allows by default; a
 * paced run (a live demonstration, or a run beside real software) lets virtual time follow the
 * wall clock at a given speed. Only the kernel consults it: parties never read a clock, they are
 * handed the virtual time of each event, so pacing needs no change in any party.
 */
public interface Pacing {
  /** Wall-clock nanoseconds to wait before an event at {@code virtualNanos} may be processed. */
  long waitBefore(long virtualNanos);

  Pacing AS_FAST_AS_POSSIBLE = virtualNanos -> 0;

  /** Virtual time follows the wall clock, {@code speed} times faster (1 = real time). */
  static Pacing wallClock(double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("pace must be positive, got " + speed);
    }
    return new Pacing() {
      private long start = -1;

      @Override
      public synchronized long waitBefore(long virtualNanos) {
        long wall = System.nanoTime();
        if (start < 0) {
          start = wall;
        }
        long due = start + (long) (virtualNanos / speed);
        return Math.max(0, due - wall);
      }
    };
  }
}
