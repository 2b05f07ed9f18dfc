package dev.tlssim.scenario;

import dev.tlssim.results.LoadTally;

/**
 * A load generator in the timeline: {@code count} connections from one client to a server, at
 * {@code ratePerSecond}, with exponential gaps (Poisson arrivals) or fixed ones. The runner expands
 * it into single connections ("web-0001", ...) with arrival times drawn from the run's seed.
 */
public record Load(String id, String server, int port, int count, double ratePerSecond, Arrivals arrivals,
    int requestBytes, int responseBytes, String serverName) {
  /**
   * The most connections one load may have: its tally keeps 8 bytes per completed handshake and a
   * run holds only its open connections, so a million fits a laptop's heap.
   */
  public static final int MAX_COUNT = 1_000_000;

  /** How a load's connections are spaced: exponential gaps (a Poisson process) or equal ones. */
  public enum Arrivals {
    POISSON, UNIFORM;

    public static Arrivals parse(String text) {
      return switch (text.trim()) {
        case "poisson" -> POISSON;
        case "uniform" -> UNIFORM;
        default -> throw new IllegalArgumentException("use poisson (exponential gaps) or uniform (fixed gaps)");
      };
    }
  }

  /** The {@code n}-th connection's id (from 1): the load's id and n zero-padded to the digits of the count. */
  String connectionId(int n) {
    return LoadTally.connectionId(id, n, count);
  }

  /** Whether {@code conn} names one of this load's connections, without listing them (a load may have a million). */
  boolean hasConnection(String conn) {
    return LoadTally.number(id, count, conn) > 0;
  }

  /** An empty tally for a run of this load. */
  public LoadTally tally() {
    return new LoadTally(id, count, ratePerSecond);
  }
}
