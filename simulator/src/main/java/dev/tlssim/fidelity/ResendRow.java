package dev.tlssim.fidelity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of the measured retransmissions.csv (derive.py), runs pooled: how long the dropped packets
 * of one kind and direction took to be sent again, nearest-rank percentiles in ms.
 *
 * @param kind      {@code data_all} (every payload drop in a handshake window), {@code syn} or {@code synack}
 * @param direction {@code c2s}, {@code s2c} or {@code all}
 */
public record ResendRow(int lossPct, String kind, String direction, int n, BigDecimal p25, BigDecimal median,
    BigDecimal p75, BigDecimal p90) {

  /** The kinds compared: the handshake window's drops, by derive.py's names. */
  static final List<String> COMPARED = List.of("data_all", "syn", "synack");

  /** The {@link Resend#kind()} a measured kind counts. */
  String resendKind() {
    return kind.equals("data_all") ? "data" : kind;
  }

  /** Whether {@code r} belongs to this row's population. */
  boolean counts(Resend r) {
    return r.kind().equals(resendKind()) && (direction.equals("all") || direction.equals(r.direction()));
  }
}
