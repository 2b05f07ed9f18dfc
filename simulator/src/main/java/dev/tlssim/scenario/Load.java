package dev.tlssim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A load generator in the timeline: {@code count} connections from one client to a server, at
 * {@code ratePerSecond}, with exponential gaps (Poisson arrivals) or fixed ones. The runner expands
 * it into single connections ("web-0001", ...) with arrival times drawn from the run's seed.
 */
public record Load(String id, String server, int port, int count, double ratePerSecond, Arrivals arrivals,
    int requestBytes, int responseBytes, String serverName) {

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

  public List<String> connectionIds() {
    List<String> ids = new ArrayList<>(count);
    int width = Integer.toString(count).length();
    for (int i = 1; i <= count; i++) {
      ids.add(connectionId(i, width));
    }
    return ids;
  }

  /** The {@code n}-th connection's id (from 1), its number zero-padded to {@code width} digits. */
  String connectionId(int n, int width) {
    String digits = Integer.toString(n);
    return id + "-" + "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
