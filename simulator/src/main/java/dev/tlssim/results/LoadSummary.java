package dev.tlssim.results;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load generator's connections achieved together: how many handshakes completed, the
 * throughput the server sustained, and the handshake latency distribution. Throughput is measured
 * between the first and the last handshake completion ((completed - 1) / span), so the constant
 * network latency of a short burst does not dilute it: below capacity it equals the offered rate,
 * at saturation the server's capacity. Computed by {@link LoadTally} as the run goes.
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
