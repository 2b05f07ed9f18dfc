package dev.tlssim.fidelity;

import java.util.List;

/** One row of a summary.csv: which handshakes, and their statistics. */
public record SummaryRow(SummaryKey key, HandshakeStats stats) {
  /** The header of summary.csv, measured and simulated alike. */
  public static final List<String> HEADER = List.of("run_group", "rtt_ms", "loss_pct", "mode", "drop_class", "n",
      "median_ms", "p75_ms", "p90_ms", "mean_ms", "share_ge_1s");

  /** The row as summary.csv writes it. */
  public List<String> fields() {
    return List.of(key.group().label(), String.valueOf(key.rttMs()), String.valueOf(key.lossPct()), key.mode(),
        key.dropClass(), String.valueOf(stats.n()), HandshakeStats.text(stats.median()),
        HandshakeStats.text(stats.p75()), HandshakeStats.text(stats.p90()), HandshakeStats.text(stats.mean()),
        HandshakeStats.text(stats.shareGe1s()));
  }
}
