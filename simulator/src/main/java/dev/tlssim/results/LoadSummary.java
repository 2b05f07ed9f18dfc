package dev.tlssim.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load generator's connections achieved together: how many handshakes completed, the
 * throughput the server sustained (completed handshakes per second between the first arrival and
 * the last completion), and the handshake latency distribution.
 */
public record LoadSummary(
    String id,
    int count,
    int completed,
    int failed,
    BigDecimal offeredPerSecond,
    BigDecimal throughputPerSecond,
    Stats handshakeMs) {

  /** Fields an expectation may test on a load. */
  public static final List<String> FIELDS = List.of("completed", "failed", "throughputPerSecond", "handshakeMeanMs",
      "handshakeP50Ms", "handshakeP90Ms", "handshakeP99Ms", "handshakeMaxMs");

  public static LoadSummary of(String id, double offeredPerSecond, List<ConnectionSummary> connections) {
    List<BigDecimal> handshakes = new ArrayList<>();
    BigDecimal first = null;
    BigDecimal last = null;
    int failed = 0;
    for (ConnectionSummary c : connections) {
      first = first == null || c.startMs().compareTo(first) < 0 ? c.startMs() : first;
      if (c.handshakeMs() != null) {
        handshakes.add(c.handshakeMs());
        BigDecimal done = c.startMs().add(c.handshakeMs());
        last = last == null || done.compareTo(last) > 0 ? done : last;
      } else {
        failed++;
      }
    }
    BigDecimal throughput = null;
    if (last != null && last.compareTo(first) > 0) {
      throughput = BigDecimal.valueOf(handshakes.size() * 1000L).divide(last.subtract(first), 3, RoundingMode.HALF_EVEN);
    }
    return new LoadSummary(id, connections.size(), handshakes.size(), failed,
        BigDecimal.valueOf(offeredPerSecond).stripTrailingZeros(), throughput, Stats.of(connections.size(), handshakes));
  }

  public Object field(String name) {
    return toMap().get(name);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("count", count);
    m.put("completed", completed);
    m.put("failed", failed);
    m.put("offeredPerSecond", offeredPerSecond);
    m.put("throughputPerSecond", throughputPerSecond);
    m.put("handshakeMeanMs", handshakeMs.mean());
    m.put("handshakeP50Ms", handshakeMs.p50());
    m.put("handshakeP90Ms", handshakeMs.p90());
    m.put("handshakeP99Ms", handshakeMs.p99());
    m.put("handshakeMaxMs", handshakeMs.max());
    return m;
  }
}
