package dev.tlssim.fidelity;

/**
 * The first five columns of a summary.csv row: run group, RTT, loss, mode ({@value #POOLED} for all
 * modes together) and drop class ({@value #ALL} for every class).
 */
public record SummaryKey(RunGroup group, int rttMs, int lossPct, String mode, String dropClass) {
  public static final String POOLED = "pooled";
  public static final String ALL = "all";

  /** The same condition and mode over every drop class. */
  public SummaryKey all() {
    return new SummaryKey(group, rttMs, lossPct, mode, ALL);
  }
}
