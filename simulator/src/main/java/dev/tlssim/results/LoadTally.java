package dev.tlssim.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A load's connections added up as they finish, so that a load costs memory by its open
 * connections, not by its length: how many started, and the handshake time of each that
 * completed, kept as a primitive in a growing array (8 bytes a connection) because nearest-rank
 * percentiles need every value. Its connections are named {@code <load id>-<n>}, n from 1
 * zero-padded to the digits of the load's count ("web-0001" ... "web-1000").
 */
public final class LoadTally {
  private static final int INITIAL_CAPACITY = 64;

  private final String id;
  private final int count;
  private final double offeredPerSecond;
  private int started;
  private long[] handshakeNanos = new long[INITIAL_CAPACITY];
  private int completed;
  private long firstDone = Long.MAX_VALUE;
  private long lastDone = Long.MIN_VALUE;

  public LoadTally(String id, int count, double offeredPerSecond) {
    this.id = id;
    this.count = count;
    this.offeredPerSecond = offeredPerSecond;
  }

  public String id() {
    return id;
  }

  /** The {@code n}-th connection's id (from 1). */
  public String connectionId(int n) {
    return connectionId(id, n, count);
  }

  /** The {@code n}-th connection's id of a load {@code id} of {@code count} connections. */
  public static String connectionId(String id, int n, int count) {
    String digits = Integer.toString(n);
    int width = Integer.toString(count).length();
    return id + "-" + "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** The number (from 1) of the load's connection named {@code conn}, or 0 when it is not one of them. */
  public int number(String conn) {
    return number(id, count, conn);
  }

  /** The number of {@code conn} in a load {@code id} of {@code count} connections, or 0 when it is not one of them. */
  public static int number(String id, int count, String conn) {
    int width = Integer.toString(count).length();
    if (conn.length() != id.length() + 1 + width || !conn.startsWith(id) || conn.charAt(id.length()) != '-') {
      return 0;
    }
    int n = 0;
    for (int i = id.length() + 1; i < conn.length(); i++) {
      char ch = conn.charAt(i);
      if (ch < '0' || ch > '9') {
        return 0;
      }
      n = n * 10 + (ch - '0');
    }
    return n <= count ? n : 0;
  }

  /** The name a connection id would have in a load: everything before its last '-'. */
  public static String loadIdOf(String conn) {
    int dash = conn.lastIndexOf('-');
    return dash <= 0 ? null : conn.substring(0, dash);
  }

  void started() {
    started++;
  }

  /** A connection that started at {@code startNanos} completed its handshake at {@code doneNanos}. */
  void completed(long startNanos, long doneNanos) {
    if (completed == handshakeNanos.length) {
      handshakeNanos = Arrays.copyOf(handshakeNanos, completed * 2);
    }
    handshakeNanos[completed++] = doneNanos - startNanos;
    firstDone = Math.min(firstDone, doneNanos);
    lastDone = Math.max(lastDone, doneNanos);
  }

  /**
   * What the load achieved: a started connection whose handshake did not complete by the end of
   * the run failed. Throughput is measured between the first and the last completion, see
   * {@link LoadSummary}.
   */
  public LoadSummary summary() {
    BigDecimal throughput = null;
    if (completed > 1 && lastDone > firstDone) {
      throughput = BigDecimal.valueOf((completed - 1) * 1000L)
          .divide(Millis.of(lastDone - firstDone), 3, RoundingMode.HALF_EVEN);
    }
    return new LoadSummary(id, started, completed, started - completed,
        BigDecimal.valueOf(offeredPerSecond).stripTrailingZeros(), throughput,
        Stats.ofNanos(started, Arrays.copyOf(handshakeNanos, completed)));
  }
}
