package dev.tlssim.fidelity;

import dev.tlssim.results.Stats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulated against measured, row by row of the measured summary: per condition and mode (and pooled)
 * the median, p75, p90, mean with the simulated value's relative difference, and the share of
 * handshakes of at least 1 s with both its relative difference and the difference in percentage
 * points (a relative difference of a share that is often 0 says nothing); then, for the loss runs, each drop class's share of the
 * handshakes and its median, per mode and modes pooled.
 */
public final class ComparisonTables {
  private ComparisonTables() {}

  public static List<Table> of(MeasuredData measured, List<SummaryRow> simulated, List<SimulatedHandshake> runs) {
    return List.of(all(measured, simulated), byDropClass(measured, simulated), resends(measured, runs));
  }

  /**
   * The timers as they fired: for the loss runs, how long a packet dropped in a handshake window took
   * to be sent again, by kind and direction, modes pooled (the SYN's timer, the SYN-ACK's timer or
   * answer to a repeated SYN, and for payload RACK, probes and the RTO together).
   */
  private static Table resends(MeasuredData measured, List<SimulatedHandshake> runs) {
    List<String> header = new ArrayList<>(List.of("condition", "kind", "direction", "n meas", "n sim"));
    for (String s : List.of("p25", "median", "p75", "p90")) {
      header.addAll(List.of(s + " meas", s + " sim", "Δ"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (ResendRow m : measured.resends()) {
      List<BigDecimal> delays = new ArrayList<>();
      for (SimulatedHandshake h : runs) {
        if (h.group() == RunGroup.LOSS && h.lossPct() == m.lossPct()) {
          h.resends().stream().filter(m::counts).forEach(r -> delays.add(r.delayMs()));
        }
      }
      delays.sort(null);
      List<String> row = new ArrayList<>(List.of("loss " + m.lossPct() + " %", m.kind(), m.direction(),
          String.valueOf(m.n()), String.valueOf(delays.size())));
      cells(row, m.p25(), percentile(delays, 25));
      cells(row, m.median(), percentile(delays, 50));
      cells(row, m.p75(), percentile(delays, 75));
      cells(row, m.p90(), percentile(delays, 90));
      rows.add(row);
    }
    return new Table("Resend delays (ms), loss runs, modes pooled: from a packet dropped in a handshake window to its"
        + " next copy", header, rows);
  }

  private static BigDecimal percentile(List<BigDecimal> sorted, int p) {
    return sorted.isEmpty() ? null : Stats.percentile(sorted, p);
  }

  private static Table all(MeasuredData measured, List<SummaryRow> simulated) {
    List<String> header = new ArrayList<>(List.of("condition", "mode", "n meas", "n sim"));
    for (String s : List.of("median", "p75", "p90", "mean")) {
      header.addAll(List.of(s + " meas", s + " sim", "Δ"));
    }
    header.addAll(List.of(">=1s meas", ">=1s sim", "Δ", "Δ pp"));
    List<List<String>> rows = new ArrayList<>();
    for (SummaryRow m : measured.summary()) {
      if (!m.key().dropClass().equals(SummaryKey.ALL)) {
        continue;
      }
      HandshakeStats sim = find(simulated, m.key());
      HandshakeStats ms = m.stats();
      List<String> row = new ArrayList<>(List.of(condition(m.key()), m.key().mode(), String.valueOf(ms.n()),
          String.valueOf(sim.n())));
      cells(row, ms.median(), sim.median());
      cells(row, ms.p75(), sim.p75());
      cells(row, ms.p90(), sim.p90());
      cells(row, ms.mean(), sim.mean());
      row.add(percent(ms.shareGe1s()));
      row.add(percent(sim.shareGe1s()));
      row.add(relative(ms.shareGe1s(), sim.shareGe1s()));
      row.add(ms.shareGe1s() == null || sim.shareGe1s() == null ? "-" : String.format(Locale.ROOT, "%+.1f",
          sim.shareGe1s().subtract(ms.shareGe1s()).doubleValue() * 100));
      rows.add(row);
    }
    return new Table("Handshake time (ms), all handshakes: measured (meas) vs simulated (sim); Δ = sim / meas - 1",
        header, rows);
  }

  private static Table byDropClass(MeasuredData measured, List<SummaryRow> simulated) {
    List<String> header = List.of("condition", "mode", "drop class", "n meas", "share meas", "n sim", "share sim",
        "median meas", "median sim", "Δ");
    List<List<String>> rows = new ArrayList<>();
    for (SummaryRow m : measured.summary()) {
      SummaryKey k = m.key();
      if (k.dropClass().equals(SummaryKey.ALL)) {
        continue;
      }
      HandshakeStats sim = find(simulated, k);
      int measuredAll = measured.row(k.all()).stats().n();
      int simulatedAll = find(simulated, k.all()).n();
      List<String> row = new ArrayList<>(List.of(condition(k), k.mode(), k.dropClass(), String.valueOf(m.stats().n()),
          share(m.stats().n(), measuredAll), String.valueOf(sim.n()), share(sim.n(), simulatedAll)));
      cells(row, m.stats().median(), sim.median());
      rows.add(row);
    }
    return new Table("By drop class, per mode and modes pooled: share of the handshakes and median handshake time (ms)"
        + "; a pooled median can sit in either of two clusters (a loss costs 2 or 3 round trips plus the timeout by"
        + " mode), so compare the modes' medians too", header, rows);
  }

  private static HandshakeStats find(List<SummaryRow> rows, SummaryKey key) {
    return rows.stream().filter(r -> r.key().equals(key)).map(SummaryRow::stats).findFirst()
        .orElse(new HandshakeStats(0, null, null, null, null, null));
  }

  private static String condition(SummaryKey k) {
    return "RTT " + k.rttMs() + " ms, loss " + k.lossPct() + " %";
  }

  private static void cells(List<String> row, BigDecimal measured, BigDecimal simulated) {
    row.add(number(measured));
    row.add(number(simulated));
    row.add(relative(measured, simulated));
  }

  private static String number(BigDecimal v) {
    return v == null ? "-" : v.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** sim / meas - 1 in percent; "-" when either is missing or the measured value is 0. */
  static String relative(BigDecimal measured, BigDecimal simulated) {
    if (measured == null || simulated == null || measured.signum() == 0) {
      return "-";
    }
    double d = simulated.doubleValue() / measured.doubleValue() - 1;
    return String.format(Locale.ROOT, "%+.1f%%", d * 100);
  }

  private static String percent(BigDecimal share) {
    return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share.doubleValue() * 100);
  }

  private static String share(int n, int of) {
    return of == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of);
  }
}
