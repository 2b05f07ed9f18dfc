package dev.tlssim.sweep;

import dev.tlssim.results.ConnectionSummary;
import java.math.BigDecimal;

/**
 * What a sweep keeps of one run: the measured connection's outcome and timings (virtual ms, null
 * when never reached). Traces are dropped as soon as a run ends; a sweep holds only these.
 */
public record TrialResult(
    int cell,
    int trial,
    long seed,
    String result,
    BigDecimal tcpConnectMs,
    BigDecimal handshakeMs,
    BigDecimal firstAppByteMs,
    BigDecimal responseMs,
    long packets,
    long retransmissions) {

  static TrialResult of(int cell, int trial, long seed, ConnectionSummary c) {
    return new TrialResult(cell, trial, seed, c.result(), c.tcpConnectMs(), c.handshakeMs(), c.firstAppByteMs(),
        c.responseMs(), c.packets(), c.retransmissions());
  }

  public BigDecimal value(Metric metric) {
    return switch (metric) {
      case TCP_CONNECT -> tcpConnectMs;
      case HANDSHAKE -> handshakeMs;
      case FIRST_APP_BYTE -> firstAppByteMs;
      case RESPONSE -> responseMs;
    };
  }

  /** A trial counts when the measured moment was reached: the metric has a value. */
  public boolean succeeded(Metric metric) {
    return value(metric) != null;
  }
}
