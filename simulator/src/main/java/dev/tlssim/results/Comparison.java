package dev.tlssim.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection against a baseline (a resumed handshake against the full one): latency, round
 * trips, bytes each way, packets and CPU per party, absolute and as a ratio. Round trips are the
 * handshake time over the TCP connect time, which is one RTT when nothing was lost.
 */
public record Comparison(String baseline, String candidate, List<Row> rows) {

  /** A metric: baseline value, candidate value, saved = baseline - candidate, ratio = candidate / baseline. */
  public record Row(String metric, BigDecimal baseline, BigDecimal candidate, BigDecimal saved, BigDecimal ratio) {}

  public static Comparison of(ConnectionSummary base, ConnectionSummary other) {
    List<Row> rows = new ArrayList<>();
    rows.add(row("handshakeMs", base.handshakeMs(), other.handshakeMs()));
    rows.add(row("roundTrips", base.roundTrips(), other.roundTrips()));
    rows.add(row("bytesClientToServer", BigDecimal.valueOf(base.bytesClientToServer()),
        BigDecimal.valueOf(other.bytesClientToServer())));
    rows.add(row("bytesServerToClient", BigDecimal.valueOf(base.bytesServerToClient()),
        BigDecimal.valueOf(other.bytesServerToClient())));
    rows.add(row("packets", BigDecimal.valueOf(base.packets()), BigDecimal.valueOf(other.packets())));
    rows.add(row("cpuServerMs", base.cpuServerMs(), other.cpuServerMs()));
    rows.add(row("cpuClientMs", base.cpuClientMs(), other.cpuClientMs()));
    return new Comparison(base.id(), other.id(), rows);
  }

  private static Row row(String metric, BigDecimal base, BigDecimal other) {
    if (base == null || other == null) {
      return new Row(metric, base, other, null, null);
    }
    BigDecimal ratio = base.signum() == 0 ? null
        : other.divide(base, 3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return new Row(metric, base, other, base.subtract(other).stripTrailingZeros(), ratio);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baseline", baseline);
    m.put("candidate", candidate);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("metric", r.metric());
      x.put("baseline", r.baseline());
      x.put("candidate", r.candidate());
      x.put("saved", r.saved());
      x.put("ratio", r.ratio());
      list.add(x);
    }
    m.put("rows", list);
    return m;
  }
}
