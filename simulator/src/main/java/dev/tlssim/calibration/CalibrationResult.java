package dev.tlssim.calibration;

import dev.tlssim.sim.CostProfile;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A measured cost profile: one {@link Measurement} per {@link CostOperation}, plus the fixed
 * application cost. Immutable.
 *
 * @param description where, when and how it was measured (goes into the profile's JSON)
 * @param measurements in {@link CostOperation} order, one per operation
 */
public record CalibrationResult(String description, Instant measuredAt, List<Measurement> measurements) {
  /**
   * The server's application work per request. Not measured: it stands for "prepare a small
   * response" in a real server (routing, a cache lookup, rendering a few hundred bytes), which
   * has no counterpart in this code base, so every profile carries the same modelled 50 µs.
   */
  public static final String APP_RESPONSE = "app.response";

  public static final long APP_RESPONSE_NANOS = 50_000;

  public CalibrationResult {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(measuredAt, "measuredAt");
    measurements = List.copyOf(measurements);
  }

  /** Operation id → median nanoseconds, in {@link CostOperation} order, then {@value #APP_RESPONSE}. */
  public Map<String, Long> costsNanos() {
    Map<String, Long> costs = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      costs.put(m.operation().id(), m.medianNanos());
    }
    costs.put(APP_RESPONSE, APP_RESPONSE_NANOS);
    return Collections.unmodifiableMap(costs);
  }

  /** The profile the simulator charges from, as if loaded from the written JSON. */
  public CostProfile toCostProfile(String name) {
    return new CostProfile(name, costsNanos());
  }
}
