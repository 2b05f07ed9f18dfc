package dev.tlssim.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlssim.events.Recording;
import dev.tlssim.events.TraceRecord;
import java.util.List;

/**
 * Everything a run leaves behind ({@code captures}: a pcap file per observing node, when asked), independent of how it was produced: what {@link ResultWriter}
 * writes and the visualizer reads back.
 */
public record RunRecord(
    String scenario,
    String description,
    long seed,
    boolean passed,
    long endNanos,
    long events,
    String stopReason,
    String failure,
    List<ExpectationOutcome> expectations,
    List<ConnectionSummary> connections,
    List<LoadSummary> loads,
    List<Comparison> comparisons,
    Recording recording,
    List<TraceRecord> trace,
    List<String> keyLog,
    java.util.Map<String, byte[]> captures,
    JsonNode effectiveScenario) {

  public record ExpectationOutcome(String text, boolean held, String actual) {}
}
