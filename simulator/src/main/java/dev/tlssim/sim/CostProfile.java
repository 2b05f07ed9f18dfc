package dev.tlssim.sim;

import java.util.Map;
import java.util.TreeMap;

/**
 * Modelled processing time per named operation ("rsa2048.private", "x25519.agree", ...), in
 * nanoseconds. Parties charge their work to it, so results do not depend on the host machine.
 * Unknown operations cost nothing: a profile only needs the operations that matter.
 */
public record CostProfile(String name, Map<String, Long> costs) {
  public CostProfile {
    costs = Map.copyOf(new TreeMap<>(costs));
  }

  public static final CostProfile ZERO = new CostProfile("zero", Map.of());

  public long cost(String operation) {
    return costs.getOrDefault(operation, 0L);
  }

  public CostProfile with(Map<String, Long> overrides) {
    Map<String, Long> m = new TreeMap<>(costs);
    m.putAll(overrides);
    return new CostProfile(name + "+overrides", m);
  }
}
