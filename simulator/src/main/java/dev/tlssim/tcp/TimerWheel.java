package dev.tlssim.tcp;

/**
 * When a host's TCP timer really fires. Linux keeps TCP's timers (retransmission, probe,
 * reordering, delayed ACK) in the kernel's timer wheel (kernel/time/timer.c): time is counted in
 * jiffies of 1/HZ s, and a timer {@code delta} jiffies away goes to a level whose buckets are
 * 8^level jiffies wide (level 0 below 63 jiffies, level 1 below 504, level 2 below 4032, ...),
 * rounded up to the next bucket so it never fires early ({@code calc_index}: expiry =
 * ((expires >> 3·level) + 1) << 3·level). With HZ = 250 a 300 ms RTO sits in level 1 and fires
 * 4 to 32 ms late, which is what the measured packet logs show (a lost segment's retransmission
 * leaves a median 314-320 ms after it, the SYN's 1.005-1.03 s).
 *
 * <p>{@code phaseNanos} is where the host's jiffies counter stands when virtual time starts (a
 * host's ticks are not aligned with anything the simulation starts); timeouts are converted to
 * jiffies rounding up, as {@code usecs_to_jiffies} does. {@link #EXACT} fires every timer at
 * its deadline, the analytical model.
 */
public record TimerWheel(long jiffyNanos, long phaseNanos) {
  public static final TimerWheel EXACT = new TimerWheel(0, 0);

  /** Level sizes: 64 buckets a level, each level 8 times coarser (LVL_BITS = 6, LVL_CLK_SHIFT = 3). */
  private static final int LEVEL_BUCKETS = 64;
  private static final int LEVEL_SHIFT = 3;
  private static final int LEVELS = 9;

  public TimerWheel {
    if (jiffyNanos < 0 || phaseNanos < 0) {
      throw new IllegalArgumentException("timer wheel tick and phase must not be negative");
    }
  }

  /** The wheel of a host ticking {@code hz} times a second, its counter at {@code phaseNanos} at time 0. */
  public static TimerWheel ofHz(int hz, long phaseNanos) {
    if (hz <= 0) {
      return EXACT;
    }
    return new TimerWheel(1_000_000_000L / hz, phaseNanos);
  }

  /** The instant a timer armed at {@code now} for {@code deadline} fires. */
  public long fireTime(long now, long deadline) {
    if (jiffyNanos == 0) {
      return deadline;
    }
    long clk = Math.floorDiv(now + phaseNanos, jiffyNanos);
    long delta = Math.max(0, ceilDiv(deadline - now, jiffyNanos));
    long expires = clk + delta;
    int level = 0;
    while (level < LEVELS - 1 && delta >= levelStart(level + 1)) {
      level++;
    }
    int shift = LEVEL_SHIFT * level;
    long bucketExpiry = ((expires >> shift) + 1) << shift;
    return Math.max(deadline, bucketExpiry * jiffyNanos - phaseNanos);
  }

  /** LVL_START(n): the smallest delta that level n holds, (64 - 1) << 3·(n - 1). */
  private static long levelStart(int level) {
    return (long) (LEVEL_BUCKETS - 1) << (LEVEL_SHIFT * (level - 1));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
