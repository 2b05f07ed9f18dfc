package dev.tlssim.results;

import dev.tlssim.events.EventSink;
import dev.tlssim.events.Recording;
import dev.tlssim.events.RunEvent;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run keeps of its events, as they happen: the connection summaries always (computed on
 * the fly by {@link ConnectionTracker}), the key log lines when the run writes a key log, and the
 * trace unless the recording level is {@link Recording#SUMMARY}.
 */
public final class RunRecorder implements EventSink {
  private final Recording level;
  private final ConnectionTracker connections = new ConnectionTracker();
  private final List<TraceRecord> trace = new ArrayList<>();
  private final List<String> keyLog = new ArrayList<>();

  public RunRecorder(Recording level) {
    this.level = level;
  }

  @Override
  public void record(long timeNanos, String node, RunEvent event) {
    connections.record(timeNanos, node, event);
    if (event instanceof TlsChannelEvent.KeyLog k) {
      keyLog.add(k.line());
    }
    if (level.keepsTrace()) {
      trace.add(new TraceRecord(timeNanos, node, event));
    }
  }

  public Recording level() {
    return level;
  }

  public List<ConnectionSummary> connections() {
    return connections.summaries();
  }

  /** The trace in the kernel's order; empty at {@link Recording#SUMMARY}. */
  public List<TraceRecord> trace() {
    return trace;
  }

  /** NSS key log lines, in the order the handshakes produced them. */
  public List<String> keyLog() {
    return keyLog;
  }
}
