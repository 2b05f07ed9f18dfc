package dev.tlssim.fidelity;

/**
 * The two measured runs and the sweep file that mirrors each (scenarios/fidelity/): summary.csv's
 * {@code run_group}. The loss runs' two seeds are pooled into one group, as the measured summary does.
 */
public enum RunGroup {
  /** No loss at RTT 0, 50, 100 and 200 ms; summarised over all connections only. */
  LATENCY("latency", "latency.yaml", false),
  /** RTT 100 ms with 5 % and 10 % loss; summarised over all connections and by drop class. */
  LOSS("loss", "loss.yaml", true);

  private final String label;
  private final String sweepFile;
  private final boolean byDropClass;

  RunGroup(String label, String sweepFile, boolean byDropClass) {
    this.label = label;
    this.sweepFile = sweepFile;
    this.byDropClass = byDropClass;
  }

  public String label() {
    return label;
  }

  /** The sweep file of this group in scenarios/fidelity/. */
  public String sweepFile() {
    return sweepFile;
  }

  /** Whether summary.csv has a row per drop class besides {@code all}. */
  public boolean byDropClass() {
    return byDropClass;
  }

  /** The group of a measured {@code run} ({@code latency}, {@code loss_seed1}, {@code loss_seed2}) or run_group. */
  public static RunGroup ofRun(String run) {
    if (run.equals("latency")) {
      return LATENCY;
    }
    if (run.equals("loss") || run.startsWith("loss_")) {
      return LOSS;
    }
    throw new IllegalArgumentException("unknown measured run '" + run + "' (latency, loss, loss_seed<N>)");
  }
}
