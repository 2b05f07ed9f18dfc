package dev.tlssim.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run's trace: what happened, where, at which virtual time. Details keep insertion
 * order so the serialized trace is byte-identical for identical runs.
 */
public record TraceEvent(long timeNanos, String node, String kind, Map<String, Object> details) {
  public TraceEvent {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static TraceEvent of(long timeNanos, String node, String kind, Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("details need key/value pairs");
    }
    Map<String, Object> d = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      d.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new TraceEvent(timeNanos, node, kind, d);
  }

  public Object get(String key) {
    return details.get(key);
  }

  public String string(String key) {
    Object v = details.get(key);
    return v == null ? null : v.toString();
  }

  public long longValue(String key) {
    Object v = details.get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
