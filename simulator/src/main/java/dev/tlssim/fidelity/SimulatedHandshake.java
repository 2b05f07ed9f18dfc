package dev.tlssim.fidelity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the comparison keeps of one simulated run: its condition and mode, trial and seed, the
 * measured connection's result, handshake time (virtual ms, exact; null when it never completed),
 * drop class and how it was resumed (null for a full handshake), and the resends of the packets
 * dropped in its handshake window (not in handshakes.csv: the retransmission table's input).
 */
public record SimulatedHandshake(RunGroup group, int rttMs, int lossPct, String mode, int trial, long seed,
    String result, BigDecimal hsMs, DropClass dropClass, String resumedBy, List<Resend> resends) {

  public static final List<String> HEADER = List.of("run_group", "rtt_ms", "loss_pct", "mode", "trial", "seed",
      "result", "hs_ms", "drop_class", "resumed_by");

  public Sample sample() {
    return new Sample(group, rttMs, lossPct, mode, hsMs, dropClass);
  }

  /** The row of handshakes.csv. */
  public List<Object> fields() {
    return new ArrayList<>(Arrays.asList(group.label(), rttMs, lossPct, mode, trial, seed, result, hsMs,
        dropClass.label(), resumedBy));
  }
}
