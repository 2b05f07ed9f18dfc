package dev.tlssim.calibration;

import dev.tlssim.sim.CostProfile;
import dev.tlssim.sim.StackOverhead;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A measured cost profile: one {@link Measurement} per {@link CostOperation}, plus the operations
 * that are not measured (the fixed application cost, the stack overheads). Immutable.
 *
 * @param description what the profile stands for (which library's costs)
 * @param machine     where it was measured: CPU, core count, operating system
 * @param measuredAt  when
 * @param method      how: tool, repetitions, statistic
 * @param measurements in {@link CostOperation} order, one per operation
 * @param unmeasured  operation → nanoseconds for what is not timed, in profile order
 * @param sources     operation → how its value was obtained (which primitive, which figure)
 */
public record CalibrationResult(String description, String machine, Instant measuredAt, String method,
    List<Measurement> measurements, Map<String, Long> unmeasured, Map<String, String> sources) {
  /**
   * The server's application work per request. Not measured: it stands for "prepare a small
   * response" in a real server (routing, a cache lookup, rendering a few hundred bytes), which
   * has no counterpart in this code base, so every profile carries the same modelled 50 µs.
   */
  public static final String APP_RESPONSE = "app.response";

  public static final long APP_RESPONSE_NANOS = 50_000;

  public CalibrationResult {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(measuredAt, "measuredAt");
    Objects.requireNonNull(method, "method");
    measurements = List.copyOf(measurements);
    unmeasured = Collections.unmodifiableMap(new LinkedHashMap<>(unmeasured));
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /**
   * The unmeasured operations of a profile that has no stack overhead: {@value #APP_RESPONSE} at
   * its modelled value and every {@link StackOverhead} at 0.
   */
  public static Map<String, Long> withoutStackOverhead() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(APP_RESPONSE, APP_RESPONSE_NANOS);
    for (StackOverhead o : StackOverhead.values()) {
      m.put(o.id(), 0L);
    }
    return m;
  }

  /** Operation id → nanoseconds: the measured ones in {@link CostOperation} order, then the unmeasured ones. */
  public Map<String, Long> costsNanos() {
    Map<String, Long> costs = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      costs.put(m.operation().id(), m.medianNanos());
    }
    costs.putAll(unmeasured);
    return Collections.unmodifiableMap(costs);
  }

  /** The profile the simulator charges from, as if loaded from the written JSON. */
  public CostProfile toCostProfile(String name) {
    return new CostProfile(name, costsNanos());
  }
}
