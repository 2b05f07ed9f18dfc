package dev.tlssim.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How much of a run is kept. The summaries (summary.json, a sweep's CSVs) are computed as the run
 * goes and are the same at every level; only the trace differs.
 */
public enum Recording {
  /** Every event, TLS messages with their bytes and annotated fields: what a report's inspector shows. */
  FULL,
  /** Every event, without message bytes and fields. */
  EVENTS,
  /** No trace: only the metrics. The default for sweeps and the bench. */
  SUMMARY;

  /** Whether a trace is kept at all (and so whether segments say which TLS records they carry). */
  public boolean keepsTrace() {
    return this != SUMMARY;
  }

  /** Whether TLS messages carry their bytes and fields. */
  public boolean keepsBytes() {
    return this == FULL;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level a scenario names, or null when there is none by that name. */
  public static Recording byName(String name) {
    for (Recording r : values()) {
      if (r.wireName().equals(name)) {
        return r;
      }
    }
    return null;
  }
}
