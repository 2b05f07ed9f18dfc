package dev.tlssim.fidelity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reduces handshakes to the rows of summary.csv, in its row order (scenarios/fidelity/measured/README.md):
 * run group (latency first), then RTT and loss ascending, then mode in the order the handshakes name
 * them with {@code pooled} last, then drop class ({@code all}, none, syn, data, ack; the latency group
 * has {@code all} only). Handshakes without a time (a simulated one that never completed) are left out.
 */
public final class Summaries {
  private Summaries() {}

  public static List<SummaryRow> of(List<Sample> samples) {
    List<Sample> done = samples.stream().filter(s -> s.hsMs() != null).toList();
    Set<String> modes = new LinkedHashSet<>();
    done.forEach(s -> modes.add(s.mode()));
    List<String> modeRows = new ArrayList<>(modes);
    modeRows.add(SummaryKey.POOLED);
    List<SummaryKey> conditions = done.stream()
        .map(s -> new SummaryKey(s.group(), s.rttMs(), s.lossPct(), SummaryKey.POOLED, SummaryKey.ALL))
        .distinct()
        .sorted(Comparator.comparing(SummaryKey::group).thenComparingInt(SummaryKey::rttMs)
            .thenComparingInt(SummaryKey::lossPct))
        .toList();
    List<SummaryRow> rows = new ArrayList<>();
    for (SummaryKey c : conditions) {
      for (String mode : modeRows) {
        Predicate<Sample> inCell = s -> s.group() == c.group() && s.rttMs() == c.rttMs() && s.lossPct() == c.lossPct()
            && (mode.equals(SummaryKey.POOLED) || s.mode().equals(mode));
        rows.add(row(new SummaryKey(c.group(), c.rttMs(), c.lossPct(), mode, SummaryKey.ALL), done, inCell));
        if (c.group().byDropClass()) {
          for (DropClass d : DropClass.summaryOrder()) {
            rows.add(row(new SummaryKey(c.group(), c.rttMs(), c.lossPct(), mode, d.label()), done,
                inCell.and(s -> s.dropClass() == d)));
          }
        }
      }
    }
    return List.copyOf(rows);
  }

  private static SummaryRow row(SummaryKey key, List<Sample> samples, Predicate<Sample> which) {
    List<BigDecimal> hs = samples.stream().filter(which).map(Sample::hsMs).filter(Objects::nonNull).toList();
    return new SummaryRow(key, HandshakeStats.of(hs));
  }
}
